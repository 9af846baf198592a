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

// Sentinels: strings that sort below or above every key of a family (or of
// all families), so range scans can be written without special cases.

/** Bounds that include every stored key, IPv4 and IPv6 alike. */
export const EVERY_KEY: { lo: string; hi: string } = { lo: "0", hi: "9" };

/** A string just below sortKeyOf(family, value): the previous address's key, or below the whole family for 0. */
export function keyJustBelow(family: Family, value: bigint): string {
  return value === 0n ? String(family) : sortKeyOf(family, value - 1n);
}

/** A string just above sortKeyOf(family, value): the next address's key, or above every key for the last address. */
export function keyJustAbove(family: Family, value: bigint): string {
  const last = family === 4 ? 0xffffffffn : (1n << 128n) - 1n;
  return value === last ? EVERY_KEY.hi : sortKeyOf(family, value + 1n);
}
