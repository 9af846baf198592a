import type { Address, Prefix } from "./types";

// One address, one text. ::ffff:10.0.0.77 (IPv4-mapped, RFC 4291 2.5.5.2) and
// ::10.0.0.77 (IPv4-compatible, deprecated by the same RFC) name an IPv4
// address inside IPv6: stored as IPv6, they would be a second host for the
// same machine and a second key in every index. The IPAM takes the IPv4 form.


const V4 = 0xffffffffn;

/** The embedded IPv4 value of a mapped or compatible IPv6 value, or null. ::, ::1 … ::ffff stay IPv6. */
function embedded(value: bigint): bigint | null {
  const high = value >> 32n;
  if (high === 0xffffn) return value & V4;
  if (high === 0n && value > 0xffffn) return value;
  return null;
}

function dotted(v: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 0xffn)).join(".");
}

/** "use the IPv4 form 10.0.0.77" for an IPv4-mapped or IPv4-compatible IPv6 address, else null. */
export function embeddedIPv4Problem(a: Address): string | null {
  if (a.family !== 6) return null;
  const v4 = embedded(a.value);
  return v4 === null ? null : `use the IPv4 form ${dotted(v4)}`;
}

/** The same for a prefix that lies inside ::ffff:0:0/96 or the IPv4-compatible space (length ≥ 96). */
export function embeddedIPv4PrefixProblem(p: Prefix): string | null {
  if (p.family !== 6 || p.length < 96) return null;
  const high = p.network >> 32n;
  if (high !== 0xffffn && !(high === 0n && (p.length < 112 || p.network > 0xffffn))) return null;
  const v4 = p.network & V4;
  return `use the IPv4 form ${dotted(v4)}/${p.length - 96}`;
}


