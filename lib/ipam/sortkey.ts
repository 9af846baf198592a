import { IpamError } from "./errors";
import { checkValue, type Address, type Family } from "./types";

/**
 * Database index key. FORMAT IS FIXED: exactly 33 characters, the family digit
 * ('4' or '6') followed by the address value as 32 lowercase hex digits, zero-padded.
 * Lexicographic order = (family, value) order, so IPv4 sorts before IPv6.
 * 10.0.0.1 → "40000000000000000000000000a000001"
 */
export function sortKeyOf(family: Family, value: bigint): string {
  checkValue(family, value);
  return (family === 4 ? "4" : "6") + value.toString(16).padStart(32, "0");
}

export function sortKey(a: Address): string {
  return sortKeyOf(a.family, a.value);
}

const KEY = /^[46][0-9a-f]{32}$/;

/** Inverse of sortKey; rejects anything that sortKey could not have produced. */
export function fromSortKey(key: string): Address {
  if (typeof key !== "string" || !KEY.test(key)) {
    throw new IpamError("invalid_argument", `${JSON.stringify(String(key))} is not an address sort key`);
  }
  const family: Family = key[0] === "4" ? 4 : 6;
  const value = BigInt("0x" + key.slice(1));
  if (family === 4 && value > 0xffffffffn) {
    throw new IpamError("invalid_argument", `${JSON.stringify(key)} is not an address sort key (IPv4 value too large)`);
  }
  return { family, value };
}

/** Sort keys bounding a prefix/range: every address a in [first, last] has lo ≤ sortKey(a) ≤ hi. */
export function sortKeyRange(family: Family, first: bigint, last: bigint): { lo: string; hi: string } {
  return { lo: sortKeyOf(family, first), hi: sortKeyOf(family, last) };
}
