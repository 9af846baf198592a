import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseDnsmasqLeases } from "@/plugins/discovery/parse-dnsmasq-leases";
import { parseKeaLeases } from "@/plugins/discovery/parse-kea-leases";

const file = (name: string) => readFileSync(path.join(__dirname, "fixtures", name));
const bytes = (text: string) => new TextEncoder().encode(text);

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the file to be refused");
}

describe("parseDnsmasqLeases", () => {
  it("reads lease.c's format: DHCPv4 lines, the duid line, DHCPv6 lines; * is no name", () => {
    expect(parseDnsmasqLeases(file("dnsmasq.leases"))).toEqual([
      { ip_address: "192.0.2.101", mac_address: "52:54:00:aa:bb:01", hostname: "printer-lobby", line: 1 },
      { ip_address: "192.0.2.102", mac_address: "52:54:00:aa:bb:02", hostname: null, line: 2 },
      { ip_address: "192.0.2.103", mac_address: "52:54:00:aa:bb:03", hostname: "nas", line: 3 },
      // Infiniband: dnsmasq prefixes the hardware type; reconciliation reports that it is no Ethernet MAC.
      { ip_address: "192.0.2.104", mac_address: "20-80:00:02:08:fe:80:00:00:00:00:00:00:00:02:c9:03:00:00:0f:01", hostname: "ib-node", line: 4 },
      { ip_address: "2001:db8::1:101", mac_address: null, hostname: "printer-lobby", line: 6 },
    ]);
  });

  it("a later lease for an address replaces the earlier one", () => {
    const seen = parseDnsmasqLeases(bytes("1 52:54:00:00:00:01 10.0.0.1 old *\n2 52:54:00:00:00:02 10.0.0.1 new *\n"));
    expect(seen).toEqual([{ ip_address: "10.0.0.1", mac_address: "52:54:00:00:00:02", hostname: "new", line: 2 }]);
  });

  it("refuses more than a /16 of addresses (the bound every source shares)", () => {
    const lines = Array.from({ length: 65_537 }, (_, i) => `0 52:54:00:00:00:01 10.${i >> 16}.${(i >> 8) & 255}.${i & 255} * *`);
    expect(refusal(() => parseDnsmasqLeases(bytes(lines.join("\n")))).message).toMatch(/^Line 65537: More than 65536 addresses/);
  });

  it.each([
    ["a bad MAC", "1796220354 52:54:00:aa:bb:01 10.0.0.1 a *\n1796220354 52:54:zz:aa:bb:02 10.0.0.2 b *\n", 'Line 2: "52:54:zz:aa:bb:02" is not a hardware (MAC) address'],
    ["a missing field", "1796220354 52:54:00:aa:bb:01 10.0.0.1 a\n", "Line 1: expected"],
    ["a bad expiry", "soon 52:54:00:aa:bb:01 10.0.0.1 a *\n", 'Line 1: "soon" is not a lease expiry time'],
    ["a bad address", "1 52:54:00:aa:bb:01 10.0.0.256 a *\n", 'Line 1: "10.0.0.256" is not an IP address'],
    ["a bad IAID", "1 52:54:00:aa:bb:01 2001:db8::1 a *\n", 'Line 1: "52:54:00:aa:bb:01" is not a DHCPv6 IAID'],
  ])("refuses %s with a 422 naming the line", (_, text, message) => {
    const error = refusal(() => parseDnsmasqLeases(bytes(text)));
    expect(error.status).toBe(422);
    expect(error.message.startsWith(message)).toBe(true);
  });
});

describe("parseKeaLeases", () => {
  it("reads Kea 2.2's memfile CSV (written here by kea-dhcp4 with lease_cmds): &#x2c is a comma, deleted and declined leases are gone", () => {
    expect(parseKeaLeases(file("kea-leases4.csv"))).toEqual([
      { ip_address: "192.0.2.101", mac_address: "52:54:00:aa:bb:01", hostname: "printer-lobby.example.org.", line: 2 },
      { ip_address: "192.0.2.102", mac_address: "52:54:00:aa:bb:02", hostname: "laptop,with,commas", line: 3 },
      { ip_address: "192.0.2.103", mac_address: "52:54:00:aa:bb:03", hostname: null, line: 4 },
    ]);
  });

  const header = "address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,user_context\n";
  it.each([
    ["a bad MAC", `${header}10.0.0.1,52:54:00:aa:bb:01,,7200,1,1,0,0,a,0,\n10.0.0.2,not-a-mac,,7200,1,1,0,0,b,0,\n`, 'Line 3: "not-a-mac" is not a hardware (MAC) address'],
    ["a short row", `${header}10.0.0.1,52:54:00:aa:bb:01,,7200\n`, "Line 2: expected 11 comma-separated values"],
    ["a bad lifetime", `${header}10.0.0.1,52:54:00:aa:bb:01,,forever,1,1,0,0,a,0,\n`, 'Line 2: valid_lifetime "forever" is not a number'],
    ["a missing header", "10.0.0.1,52:54:00:aa:bb:01,,7200,1,1,0,0,a,0,\n", "Line 1: not a Kea lease file header"],
    ["an empty file", "", "The file is empty"],
  ])("refuses %s with a 422 naming the line", (_, text, message) => {
    const error = refusal(() => parseKeaLeases(bytes(text)));
    expect(error.status).toBe(422);
    expect(error.message.startsWith(message)).toBe(true);
  });
});
