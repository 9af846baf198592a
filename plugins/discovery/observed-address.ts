import { formatAddress, tryParseAddress } from "@/lib/ipam";
import { fileProblem } from "@/plugins/discovery/file-problem";

/** The canonical text of an address a source reported; a file whose address field is not one is refused at that line. */
export function observedAddress(text: string, line: number | null): string {
  const address = tryParseAddress(text);
  if (!address || text.includes("/")) throw fileProblem(line, `"${text.slice(0, 64)}" is not an IP address`);
  return formatAddress(address);
}

// Hardware addresses as DHCP servers write them: hex octets joined by ":".
// dnsmasq prefixes a non-Ethernet one with its type ("20-…"). Whether it is
// an Ethernet MAC the hosts table can hold is the reconciliation's question
// (macField); a field that is no hardware address at all breaks the file.
const HARDWARE_ADDRESS = /^(?:[0-9a-f]{1,2}-)?[0-9a-f]{2}(?::[0-9a-f]{2}){0,19}$/i;

export function assertHardwareAddress(text: string, line: number): string {
  if (!HARDWARE_ADDRESS.test(text)) throw fileProblem(line, `"${text.slice(0, 64)}" is not a hardware (MAC) address`);
  return text;
}

/** At most a /16's worth of addresses per change set (MAX_DISCOVERY_ADDRESSES). */
export function assertObservationCount(count: number, max: number, line: number | null): void {
  if (count > max) throw fileProblem(line, `More than ${max} addresses: discovery takes at most a /16 (IPv4) or /112 (IPv6) at a time; split the file`);
}
