import { MAX_DISCOVERY_ADDRESSES, type Observation } from "@/lib/schemas/discovery";
import { decodeText, fileProblem, linesOf } from "@/plugins/discovery/file-problem";
import { assertHardwareAddress, assertObservationCount, observedAddress } from "@/plugins/discovery/observed-address";

// dnsmasq's lease file (--dhcp-leasefile, /var/lib/misc/dnsmasq.leases), as
// lease.c writes it, one lease per line, fields separated by one space:
//   DHCPv4:  <expiry> <hwaddr> <ipv4> <hostname|*> <client-id|*>
//   DHCPv6:  <expiry> [T]<iaid> <ipv6> <hostname|*> <client-duid|*>
// preceded by "duid <server duid>" when DHCPv6 is on. expiry is seconds since
// the epoch (0: infinite). A later line for the same address wins.

const EXPIRY = /^\d{1,20}$/;
const IAID = /^T?\d{1,10}$/;

export function parseDnsmasqLeases(bytes: Uint8Array): Observation[] {
  const byAddress = new Map<string, Observation>();
  for (const { line, text } of linesOf(decodeText(bytes).replace(/^\uFEFF/, ""))) {
    if (text.trim() === "" || text.startsWith("duid ")) continue;
    const fields = text.split(" ");
    if (fields.length !== 5) throw fileProblem(line, `expected "<expiry> <MAC> <IP> <hostname> <client id>" (5 fields), found ${fields.length}`);
    const [expiry, hardware, ip, hostname] = fields;
    if (!EXPIRY.test(expiry)) throw fileProblem(line, `"${expiry.slice(0, 32)}" is not a lease expiry time (seconds since 1970)`);
    const ip_address = observedAddress(ip, line);
    const v6 = ip_address.includes(":");
    // A DHCPv6 lease names its client by DUID and IAID, never by MAC.
    if (v6 && !IAID.test(hardware)) throw fileProblem(line, `"${hardware.slice(0, 32)}" is not a DHCPv6 IAID`);
    const mac_address = v6 ? null : assertHardwareAddress(hardware, line);
    byAddress.delete(ip_address);
    byAddress.set(ip_address, { ip_address, mac_address, hostname: hostname === "*" ? null : hostname, line });
    assertObservationCount(byAddress.size, MAX_DISCOVERY_ADDRESSES, line);
  }
  return [...byAddress.values()];
}
