import { IpamError } from "./errors";
import { checkPrefix, formatValue } from "./format";
import { checkValue, tablesFor, type Address, type Family, type Prefix } from "./types";

/** Builds a validated prefix; throws host_bits_set (with suggestion) if `network` has host bits. */
export function makePrefix(family: Family, network: bigint, length: number): Prefix {
  const p: Prefix = { family, network, length };
  checkPrefix(p);
  return p;
}

/** The prefix of the given length that contains the address (host bits cleared). */
export function prefixOf(a: Address, length: number): Prefix {
  const t = checkValue(a.family, a.value);
  if (!Number.isInteger(length) || length < 0 || length > t.bits) {
    throw new IpamError("invalid_argument", `prefix length must be an integer 0-${t.bits}`);
  }
  return { family: a.family, network: a.value & t.net[length], length };
}

/** Number of addresses in the prefix: 2^(bits − length). */
export function addressCount(p: Prefix): bigint {
  return tablesFor(p).count[p.length];
}

/**
 * Usable host count, Python ipaddress hosts() semantics.
 * IPv4: 2^(32−len) − 2 for len ≤ 30, /31 → 2, /32 → 1.
 * IPv6: 2^(128−len) − 1 (the subnet-router anycast = network address is excluded), /127 → 2, /128 → 1.
 */
export function capacity(p: Prefix): bigint {
  return tablesFor(p).cap[p.length];
}

export function lastAddress(p: Prefix): bigint {
  const t = tablesFor(p);
  return p.network | t.host[p.length];
}

/** First usable address (network+1, except /31,/32 and /127,/128 where it is the network). */
export function firstUsable(p: Prefix): bigint {
  const t = tablesFor(p);
  return p.length >= t.bits - 1 ? p.network : p.network + 1n;
}

/** Last usable address (IPv4 ≤/30: broadcast−1; otherwise the last address). */
export function lastUsable(p: Prefix): bigint {
  const t = tablesFor(p);
  const last = p.network | t.host[p.length];
  return p.family === 4 && p.length <= 30 ? last - 1n : last;
}

/** [firstUsable, lastUsable] after full validation of p. */
/**
 * "network" or "broadcast" when `value` is that reserved end of an IPv4
 * prefix up to /30, else null (a /31 or /32 uses every address).
 */
export function reservedIPv4End(p: Prefix, value: bigint): "network" | "broadcast" | null {
  if (p.family !== 4 || p.length > 30) return null;
  if (value === p.network) return "network";
  return value === lastAddress(p) ? "broadcast" : null;
}

export function usableRange(p: Prefix): { first: bigint; last: bigint } {
  const t = checkPrefix(p);
  const last = p.network | t.host[p.length];
  if (p.length >= t.bits - 1) return { first: p.network, last };
  return { first: p.network + 1n, last: p.family === 4 ? last - 1n : last };
}

export interface PrefixFacts {
  prefix: string;
  family: Family;
  network: string;
  broadcast: string | null;
  netmask: string | null;
  wildcard: string | null;
  first_usable: string;
  last_usable: string;
  total_addresses: bigint;
  capacity: bigint;
}

/** Everything a subnet calculator shows. broadcast/netmask/wildcard are IPv4-only (null for IPv6). */
export function prefixFacts(p: Prefix): PrefixFacts {
  const t = checkPrefix(p);
  const last = p.network | t.host[p.length];
  const u = usableRange(p);
  const v4 = p.family === 4;
  return {
    prefix: `${formatValue(p.family, p.network)}/${p.length}`,
    family: p.family,
    network: formatValue(p.family, p.network),
    broadcast: v4 ? formatValue(4, last) : null,
    netmask: v4 ? formatValue(4, t.net[p.length]) : null,
    wildcard: v4 ? formatValue(4, t.host[p.length]) : null,
    first_usable: formatValue(p.family, u.first),
    last_usable: formatValue(p.family, u.last),
    total_addresses: t.count[p.length],
    capacity: t.cap[p.length],
  };
}

/** True if the address is inside the prefix (any address, usable or not). Different families → false. */
export function containsAddress(p: Prefix, a: Address): boolean {
  const t = tablesFor(p);
  if (a.family !== p.family) return false;
  return (a.value & t.net[p.length]) === p.network;
}

/** True if `inner` lies within `outer` (equal prefixes count). Different families → false. */
export function containsPrefix(outer: Prefix, inner: Prefix): boolean {
  const t = tablesFor(outer);
  tablesFor(inner);
  if (outer.family !== inner.family || inner.length < outer.length) return false;
  return (inner.network & t.net[outer.length]) === outer.network;
}

/** True if the two prefixes share at least one address (for CIDRs: one contains the other). */
export function overlaps(a: Prefix, b: Prefix): boolean {
  return a.length <= b.length ? containsPrefix(a, b) : containsPrefix(b, a);
}

/** Orders by family (4 before 6), then network, then length (shorter first). */
export function comparePrefixes(a: Prefix, b: Prefix): number {
  if (a.family !== b.family) return a.family - b.family;
  if (a.network !== b.network) return a.network < b.network ? -1 : 1;
  return a.length - b.length;
}

/** Orders by family (4 before 6), then value. */
export function compareAddresses(a: Address, b: Address): number {
  if (a.family !== b.family) return a.family - b.family;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

export function samePrefix(a: Prefix, b: Prefix): boolean {
  return a.family === b.family && a.network === b.network && a.length === b.length;
}

/** Validates a family value coming from outside (e.g. a DB column). */
export function toFamily(x: unknown): Family {
  if (x === 4 || x === 6) return x;
  if (x === "4" || x === "6") return Number(x) as Family;
  throw new IpamError("invalid_argument", `unknown address family ${String(x)}`);
}
