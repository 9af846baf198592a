import { IpamError } from "./errors";

export type Family = 4 | 6;

/** An address: family + numeric value (0 ≤ value < 2^32 or 2^128). */
export interface Address {
  family: Family;
  value: bigint;
}

/** A CIDR prefix. `network` never has host bits set. */
export interface Prefix {
  family: Family;
  network: bigint;
  length: number;
}

/** An inclusive range of addresses with its size (last − first + 1). */
export interface Interval {
  first: bigint;
  last: bigint;
  size: bigint;
}

/** An inclusive range of addresses, as accepted for exclusions. */
export interface Range {
  first: bigint;
  last: bigint;
}

export function maxLength(family: Family): 32 | 128 {
  if (family === 4) return 32;
  if (family === 6) return 128;
  throw new IpamError("invalid_argument", `unknown address family ${String(family)}`);
}

function table(bits: number, f: (len: number) => bigint): bigint[] {
  const out: bigint[] = [];
  for (let len = 0; len <= bits; len++) out.push(f(len));
  return out;
}

const ALL4 = (1n << 32n) - 1n;
const ALL6 = (1n << 128n) - 1n;

/** Per-family lookup tables indexed by prefix length. */
interface FamilyTables {
  bits: number;
  all: bigint;
  /** 2^(bits−len) */
  count: bigint[];
  /** host bits mask: 2^(bits−len) − 1 */
  host: bigint[];
  /** network mask */
  net: bigint[];
  /** hosts() capacity */
  cap: bigint[];
}

function build(family: Family): FamilyTables {
  const bits = family === 4 ? 32 : 128;
  const all = family === 4 ? ALL4 : ALL6;
  const count = table(bits, (len) => 1n << BigInt(bits - len));
  const host = count.map((c) => c - 1n);
  const net = host.map((h) => all ^ h);
  const cap = table(bits, (len) => {
    if (len === bits) return 1n;
    if (len === bits - 1) return 2n;
    return family === 4 ? count[len] - 2n : count[len] - 1n;
  });
  return { bits, all, count, host, net, cap };
}

export const T4: FamilyTables = build(4);
export const T6: FamilyTables = build(6);

export function tables(family: Family): FamilyTables {
  if (family === 4) return T4;
  if (family === 6) return T6;
  throw new IpamError("invalid_argument", `unknown address family ${String(family)}`);
}

export function isLength(family: Family, length: unknown): length is number {
  return Number.isInteger(length) && (length as number) >= 0 && (length as number) <= (family === 4 ? 32 : 128);
}

/** Tables for a prefix after checking family and length (not the network). */
export function tablesFor(p: Prefix): FamilyTables {
  const t = p && p.family === 4 ? T4 : p && p.family === 6 ? T6 : null;
  if (t === null) throw new IpamError("invalid_prefix", "prefix has an unknown address family");
  if (!Number.isInteger(p.length) || p.length < 0 || p.length > t.bits) {
    throw new IpamError("invalid_prefix", `prefix length ${String(p.length)} is out of range 0..${t.bits}`);
  }
  return t;
}

export function checkValue(family: Family, value: bigint, what = "address"): FamilyTables {
  const t = tables(family);
  if (typeof value !== "bigint" || value < 0n || value > t.all) {
    throw new IpamError("invalid_argument", `${what} value is out of range for IPv${family}`);
  }
  return t;
}
