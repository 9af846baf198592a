import { formatAddress, formatPrefix, formatValue, lastAddress, lengthToMask, reservedIPv4End, tryParseAddress, tryParsePrefix, type Address, type Prefix, type Range } from "@/lib/ipam";
import { dnsNameProblem, hostnameProblem } from "@/lib/schemas/dns";
import { addressProblemIn } from "@/lib/schemas/network-rules";
import type { NetworkRecord } from "@/plugins/dnsmasq/types";

// Export-time re-checks. Rows written before validation existed (or by
// hand) are refused here rather than trusted: `dnsmasq --test` accepts a
// dashed MAC, a bad IP in dhcp-host or an all-digit name and silently reads
// them as something else.

const COLON_MAC = /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/;

/** Only lower-case colon form: dnsmasq reads aa-bb-… as a hostname. */
export function isColonMac(mac: string): boolean {
  return COLON_MAC.test(mac);
}

/** The address when `text` is exactly its canonical form (of `family`, if given). */
export function canonicalAddress(text: string | null, family?: number): Address | null {
  if (text === null) return null;
  const address = tryParseAddress(text);
  if (!address || formatAddress(address) !== text) return null;
  return family === undefined || address.family === family ? address : null;
}

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
/** Exactly the canonical dotted quad (no leading zeros, no spaces): what formatAddress writes. */
const CANONICAL_V4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

/** Like canonicalAddress, with a fast path for IPv4 (an export checks 100,000 of them twice). */
export function isCanonicalAddress(text: string, family: number): boolean {
  if (family === 4 && CANONICAL_V4.test(text)) return true;
  return canonicalAddress(text, family) !== null;
}

/** A publishable host name: RFC 1123, lower case, not a number or dnsmasq keyword. */
export function isHostname(name: string): boolean {
  return hostnameProblem(name) === null;
}

export function isDomain(name: string): boolean {
  return dnsNameProblem(name) === null;
}

export interface CheckedNetwork {
  id: number;
  prefix: Prefix;
  /** "10.0.0.0/24" */
  text: string;
  domain: string | null;
  gateway: string | null;
  pool: { start: string; end: string } | null;
  /** The pool as numbers, for the rules in lib/services/integrity/address-space-rules.ts. */
  poolRange: Range | null;
  /** The IPv4 network and broadcast addresses (canonical text) that no host may hold, by lib/ipam reservedIPv4End. */
  reservedEnds: ReadonlyArray<{ text: string; end: "network" | "broadcast" }>;
  /** Why parts of the network were left out; never quotes the stored values. */
  problems: string[];
}

/** The network's publishable parts, or null when its prefix itself is unusable. */
export function checkNetwork(n: NetworkRecord): CheckedNetwork | null {
  const text = `${n.network}/${n.cidr}`;
  const prefix = tryParsePrefix(text);
  if (!prefix || formatPrefix(prefix) !== text || prefix.family !== n.family) return null;
  const problems: string[] = [];
  let domain = n.domain;
  if (domain !== null && !isDomain(domain)) {
    problems.push("domain is not a valid DNS name");
    domain = null;
  }
  const inside = (value: string | null) => {
    const a = canonicalAddress(value, prefix.family);
    return a && addressProblemIn(prefix, value!, "") === null ? a : null;
  };
  const gateway = n.gateway !== null && inside(n.gateway) ? n.gateway : null;
  if (n.gateway !== null && gateway === null) problems.push("gateway is not a usable address of the network");
  let pool: CheckedNetwork["pool"] = null;
  let poolRange: Range | null = null;
  if (n.dhcpStart !== null || n.dhcpEnd !== null) {
    const start = inside(n.dhcpStart);
    const end = inside(n.dhcpEnd);
    if (start && end && start.value <= end.value) {
      pool = { start: n.dhcpStart!, end: n.dhcpEnd! };
      poolRange = { first: start.value, last: end.value };
    } else problems.push("DHCP pool is not a valid range inside the network");
  }
  const reservedEnds: Array<{ text: string; end: "network" | "broadcast" }> = [];
  for (const value of [prefix.network, lastAddress(prefix)]) {
    const end = reservedIPv4End(prefix, value);
    if (end) reservedEnds.push({ text: formatValue(prefix.family, value), end });
  }
  return { id: n.id, prefix, text, domain, gateway, pool, poolRange, reservedEnds, problems };
}

/** dnsmasq refuses DHCPv6 ranges on links shorter than /64. */
export function dhcpPrefixProblem(prefix: Prefix): string | null {
  return prefix.family === 6 && prefix.length < 64 ? "DHCPv6 needs a /64 or longer prefix; no dhcp-range" : null;
}

export function netmaskOrLength(prefix: Prefix): string {
  return prefix.family === 4 ? lengthToMask(prefix.length, 4) : String(prefix.length);
}

/** A dhcp-range tag derived from the prefix: stable across databases, only [a-z0-9-]. */
export function networkTag(prefix: Prefix): string {
  return `v${prefix.family}-${formatPrefix(prefix).replace(/[^0-9a-f]/g, "-")}`;
}
