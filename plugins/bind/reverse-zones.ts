import { formatPrefix, formatValue, isIpamError, parsePrefix, type Address, type Prefix } from "@/lib/ipam";

// Which reverse zone holds an address's PTR, decided by the address alone
// (never by a stored network_id that could be stale), so no address is ever
// placed in two zones and no zone holds a name below another zone's cut.
//
// IPv4: the /24 (`2.0.192.in-addr.arpa`), or, inside a network smaller than
// a /24, the RFC 2317 block of the outermost such network
// (`0/26.2.0.192.in-addr.arpa`); blocks never overlap because only the
// outermost one counts. The /24 zone then delegates the block and points
// each of its addresses at it with a CNAME (RFC 2317 §4).
// IPv6: each network's zone is its prefix rounded down to a nibble
// boundary, at most a /64 (the subnet size; longer networks share their
// /64); an address goes to the most specific of those zones that contains
// it (a zone nested in another is delegated from it), or to its own /64.

export interface ReverseZone {
  /** "2.0.192.in-addr.arpa", "0/26.2.0.192.in-addr.arpa", "0.1.0.0.8.b.d.0.1.0.0.2.ip6.arpa" */
  name: string;
  /** The addresses the zone answers for. */
  prefix: Prefix;
  /** An RFC 2317 block (IPv4 network smaller than /24). */
  classless: boolean;
}

const V4_ZONE = 24;
const V6_MAX_ZONE = 64;

const octets = (v: number) => [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];

function v4Zone(value: number, length: number): ReverseZone {
  const [a, b, c, d] = octets(value);
  const parent = `${c}.${b}.${a}.in-addr.arpa`;
  if (length === V4_ZONE) return { name: parent, prefix: { family: 4, network: BigInt(value), length }, classless: false };
  return { name: `${d}/${length}.${parent}`, prefix: { family: 4, network: BigInt(value), length }, classless: true };
}

const nibbles = (value: bigint) => value.toString(16).padStart(32, "0");

function v6Zone(network: bigint, length: number): ReverseZone {
  const head = nibbles(network).slice(0, length / 4).split("").reverse().join(".");
  return { name: head ? `${head}.ip6.arpa` : "ip6.arpa", prefix: { family: 6, network, length }, classless: false };
}

/** The /24 zone an RFC 2317 block is delegated from. */
export function parentOfBlock(zone: ReverseZone): ReverseZone {
  const value = Number(zone.prefix.network);
  return v4Zone(value - (value & 255), V4_ZONE);
}

/** A PTR owner name relative to its zone: the last octet, or the nibbles below the zone's prefix. */
export function ptrLabel(zone: ReverseZone, address: Address): string {
  if (address.family === 4) return String(Number(address.value & 255n));
  return nibbles(address.value).slice(zone.prefix.length / 4).split("").reverse().join(".");
}

const v6ZoneLength = (length: number) => Math.min(V6_MAX_ZONE, length - (length % 4));

/** Finds each address's zone; built once per export from every valid network prefix. */
export class ReverseZoneFinder {
  /** Sub-/24 IPv4 networks, as length * 2^32 + network; and the /24s that contain any. */
  private blocks = new Set<number>();
  private blockedV4 = new Set<number>();
  /** IPv6 zone prefixes, as "length:network hex", and the lengths in use, longest first. */
  private v6Zones = new Set<string>();
  private v6Lengths: number[] = [];
  private cache = new Map<string, ReverseZone>();
  /** The /24 zones by network number: the common case, without building a key per address. */
  private v4Cache = new Map<number, ReverseZone>();

  constructor(prefixes: Iterable<Prefix>) {
    const lengths = new Set<number>();
    for (const p of prefixes) {
      if (p.family === 4 && p.length > V4_ZONE) {
        this.blocks.add(p.length * 2 ** 32 + Number(p.network));
        this.blockedV4.add(Number(p.network) >>> 8);
      } else if (p.family === 6) {
        const z = v6ZoneLength(p.length);
        this.v6Zones.add(`${z}:${(p.network >> BigInt(128 - z)).toString(16)}`);
        lengths.add(z);
      }
    }
    this.v6Lengths = [...lengths].sort((a, b) => b - a);
  }

  zoneOf(address: Address): ReverseZone {
    if (address.family === 4) {
      const v = Number(address.value);
      if (this.blockedV4.has(v >>> 8)) {
        // Shortest first: the outermost block wins, so blocks never overlap.
        for (let len = V4_ZONE + 1; len <= 32; len++) {
          const network = len === 32 ? v : v - (v % 2 ** (32 - len));
          if (this.blocks.has(len * 2 ** 32 + network)) return this.cached(`4:${len}:${network}`, () => v4Zone(network, len));
        }
      }
      const network = v - (v & 255);
      let zone = this.v4Cache.get(network);
      if (!zone) this.v4Cache.set(network, (zone = v4Zone(network, V4_ZONE)));
      return zone;
    }
    for (const len of this.v6Lengths) {
      const head = address.value >> BigInt(128 - len);
      if (this.v6Zones.has(`${len}:${head.toString(16)}`)) return this.cached(`6:${len}:${head}`, () => v6Zone(head << BigInt(128 - len), len));
    }
    const head = address.value >> 64n;
    return this.cached(`6:64:${head}`, () => v6Zone(head << 64n, V6_MAX_ZONE));
  }

  private cached(key: string, make: () => ReverseZone): ReverseZone {
    let zone = this.cache.get(key);
    if (!zone) this.cache.set(key, (zone = make()));
    return zone;
  }
}

/**
 * `?reverse=<prefix>` → the zone name it means, or why not: an IPv4 /24 or
 * longer (a longer one is an RFC 2317 block), an IPv6 prefix on a nibble
 * boundary. Whether such a zone exists is the caller's question.
 */
export function reverseZoneName(text: string): { name: string } | { problem: string } {
  let prefix: Prefix;
  try {
    prefix = parsePrefix(text);
  } catch (e) {
    if (isIpamError(e)) return { problem: e.message };
    throw e;
  }
  if (!text.includes("/")) return { problem: `${formatValue(prefix.family, prefix.network)} needs a prefix length, e.g. ${formatPrefix({ ...prefix, length: prefix.family === 4 ? 24 : 64 })}` };
  if (prefix.family === 4) {
    if (prefix.length < V4_ZONE) return { problem: "an IPv4 reverse zone is a /24 (or a longer network's RFC 2317 block); a shorter prefix spans several zones" };
    return { name: v4Zone(Number(prefix.network), prefix.length).name };
  }
  if (prefix.length % 4 !== 0) return { problem: "an IPv6 reverse zone starts on a nibble boundary: the prefix length must be a multiple of 4" };
  return { name: v6Zone(prefix.network, prefix.length).name };
}
