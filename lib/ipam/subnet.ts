import { IpamError } from "./errors";
import { checkPrefix, formatPrefix } from "./format";
import { sortIndexByBig, sortU32 } from "./sort";
import { checkValue, type Family, type Prefix, type Range } from "./types";

// Subnet planning. Work is proportional to the number of child prefixes (sorted once,
// numerically when the supernet is at most 2^45 addresses) and to the number of results
// asked for; the address space itself is never walked.

/** Without an explicit limit, list functions refuse to return more than this many items. */
export const MAX_UNLIMITED_RESULTS = 65536;

function badArg(message: string): IpamError {
  return new IpamError("invalid_argument", message);
}

function bitLength(x: bigint): number {
  let n = 0;
  while (x >= 0x100000000n) {
    x >>= 32n;
    n += 32;
  }
  return n + 32 - Math.clz32(Number(x));
}

function checkSubLength(p: Prefix, length: number, bits: number): void {
  if (!Number.isInteger(length) || length < p.length || length > bits) {
    throw badArg(`subnet length must be an integer ${p.length}-${bits} for ${formatPrefix(p)}`);
  }
}

function checkLimit(limit: unknown): number | undefined {
  if (limit === undefined || limit === Infinity) return undefined; // "no limit" rules apply
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 0) {
    throw badArg("limit must be a non-negative integer");
  }
  return limit;
}

/** Number of /length subnets in p: 2^(length − p.length). */
export function subnetCount(p: Prefix, length: number): bigint {
  const t = checkPrefix(p);
  checkSubLength(p, length, t.bits);
  return 1n << BigInt(length - p.length);
}

/** Lazily yields the /length subnets of p in order, starting at index `offset`. */
export function* iterSubnets(p: Prefix, length: number, offset: bigint | number = 0n): Generator<Prefix> {
  const t = checkPrefix(p);
  checkSubLength(p, length, t.bits);
  const off = toOffset(offset);
  const total = 1n << BigInt(length - p.length);
  const size = t.count[length];
  let net = p.network + off * size;
  for (let i = off; i < total; i++, net += size) yield { family: p.family, network: net, length };
}

function toOffset(offset: bigint | number | undefined): bigint {
  if (offset === undefined) return 0n;
  if (typeof offset === "number" && Number.isSafeInteger(offset) && offset >= 0) return BigInt(offset);
  if (typeof offset === "bigint" && offset >= 0n) return offset;
  throw badArg("offset must be a non-negative integer");
}

/**
 * The /length subnets of p, in order: at most `limit`, starting at index `offset`.
 * Without a limit, throws invalid_argument when more than MAX_UNLIMITED_RESULTS would be returned.
 */
export function subnets(p: Prefix, length: number, opts?: { limit?: number; offset?: bigint | number }): Prefix[] {
  const t = checkPrefix(p);
  checkSubLength(p, length, t.bits);
  const off = toOffset(opts?.offset);
  const total = 1n << BigInt(length - p.length);
  const avail = total > off ? total - off : 0n;
  let limit = checkLimit(opts?.limit);
  if (limit === undefined) {
    if (avail > BigInt(MAX_UNLIMITED_RESULTS)) {
      throw badArg(`${formatPrefix(p)} has ${avail} /${length} subnets; pass a limit`);
    }
    limit = Number(avail);
  }
  const n = avail < BigInt(Math.min(limit, Number.MAX_SAFE_INTEGER)) ? Number(avail) : limit;
  const size = t.count[length];
  const out: Prefix[] = new Array(n);
  let net = p.network + off * size;
  for (let i = 0; i < n; i++, net += size) out[i] = { family: p.family, network: net, length };
  return out;
}

/**
 * Merged ranges of `supernet` covered by `items`, in units of 2^unitBits addresses counted
 * from the network: a prefix covers unit indices [off >> unitBits, (off + size − 1) >> unitBits].
 * Items of the other family or outside the supernet are skipped; null means an item
 * contains the whole supernet. One pass over the items (validating each), then a numeric
 * sort of packed keys (index · 64 + log2 of the span) when the index fits in 45 bits
 * (radix sort when the key fits in 32), else sortIndexByBig.
 */
function coveredUnits(supernet: Prefix, items: readonly Prefix[], unitBits: number): Range[] | null {
  const t = checkPrefix(supernet);
  if (!Array.isArray(items)) throw badArg("children must be an array of prefixes");
  const family = supernet.family;
  const sNet = supernet.network;
  const sLen = supernet.length;
  const sLast = sNet | t.host[sLen];
  const spanBits = t.bits - sLen - unitBits;
  const n = items.length;
  const numeric = spanBits <= 45;
  const keys = numeric ? (spanBits + 6 <= 32 ? new Uint32Array(n) : new Float64Array(n)) : null;
  const firsts: bigint[] = [];
  const spans: number[] = [];
  const unit = 2 ** unitBits;
  const ub = BigInt(unitBits);
  const baseNum = family === 4 ? Number(sNet) : 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = items[i];
    checkPrefix(c);
    if (c.family !== family) continue;
    const net = c.network;
    if (c.length <= sLen) {
      if ((sNet & t.net[c.length]) === net) return null; // contains the whole supernet
      continue;
    }
    if (net < sNet || net > sLast) continue;
    const e0 = t.bits - c.length - unitBits;
    const e = e0 > 0 ? e0 : 0;
    if (keys !== null) {
      const idx = family === 4 ? Math.floor((Number(net) - baseNum) / unit) : Number((net - sNet) >> ub);
      keys[k++] = idx * 64 + e;
    } else {
      firsts.push((net - sNet) >> ub);
      spans.push(e);
    }
  }
  const out: Range[] = [];
  if (keys !== null) {
    if (k === 0) return out;
    const sorted = keys instanceof Uint32Array ? sortU32(keys.subarray(0, k)) : keys.subarray(0, k).sort();
    let curFirst = -1;
    let curLast = -2;
    for (let i = 0; i < k; i++) {
      const key = sorted[i];
      const e = key % 64;
      const first = (key - e) / 64;
      const last = first + 2 ** e - 1;
      if (first <= curLast + 1) {
        if (last > curLast) curLast = last;
      } else {
        if (curFirst >= 0) out.push({ first: BigInt(curFirst), last: BigInt(curLast) });
        curFirst = first;
        curLast = last;
      }
    }
    out.push({ first: BigInt(curFirst), last: BigInt(curLast) });
    return out;
  }
  if (firsts.length === 0) return out;
  const order = sortIndexByBig(firsts, 0n);
  let cur: Range | null = null;
  for (let i = 0; i < order.length; i++) {
    const j = order[i];
    const first = firsts[j];
    const last = spans[j] > 0 ? first + (1n << BigInt(spans[j])) - 1n : first;
    if (cur !== null && first <= cur.last + 1n) {
      if (last > cur.last) cur = { first: cur.first, last };
    } else {
      if (cur !== null) out.push(cur);
      cur = { first, last };
    }
  }
  out.push(cur as Range);
  return out;
}

/**
 * Unit-index ranges [a, b] of the supernet (units of 2^unitBits addresses, counted from
 * the network) not touched by any child. Children of the other family or outside the
 * supernet are ignored; a child that contains the supernet covers all of it.
 */
function uncoveredUnits(supernet: Prefix, children: readonly Prefix[], unitBits: number): Range[] {
  const blocks = coveredUnits(supernet, children, unitBits);
  if (blocks === null) return [];
  const end = (1n << BigInt((supernet.family === 4 ? 32 : 128) - supernet.length - unitBits)) - 1n;
  const gaps: Range[] = [];
  let cur = 0n;
  for (const b of blocks) {
    if (b.first > cur) gaps.push({ first: cur, last: b.first - 1n });
    cur = b.last + 1n;
  }
  if (cur <= end) gaps.push({ first: cur, last: end });
  return gaps;
}

/**
 * Address ranges of the supernet not covered by any child, ascending.
 * Children of the other family or outside the supernet are ignored; a child that
 * contains the supernet covers all of it.
 */
export function uncoveredRanges(supernet: Prefix, children: readonly Prefix[]): Range[] {
  const base = supernet.network;
  return uncoveredUnits(supernet, children, 0).map((g) => ({ first: base + g.first, last: base + g.last }));
}

function countUnits(gaps: readonly Range[]): bigint {
  let total = 0n;
  for (const g of gaps) total += g.last - g.first + 1n;
  return total;
}

/** How many /length subnets of the supernet overlap no child. */
export function freeSubnetCount(supernet: Prefix, children: readonly Prefix[], length: number): bigint {
  const t = checkPrefix(supernet);
  checkSubLength(supernet, length, t.bits);
  return countUnits(uncoveredUnits(supernet, children, t.bits - length));
}

/**
 * The /length subnets of the supernet that overlap no child (a child inside the candidate,
 * overlapping it, or containing it blocks it), ascending, at most `limit`.
 * Without a limit, throws invalid_argument when more than MAX_UNLIMITED_RESULTS exist.
 * Cost: O(c log c) in the number of children, plus the results.
 */
export function freeSubnets(
  supernet: Prefix,
  children: readonly Prefix[],
  length: number,
  opts?: { limit?: number },
): Prefix[] {
  const t = checkPrefix(supernet);
  checkSubLength(supernet, length, t.bits);
  let limit = checkLimit(opts?.limit);
  const out: Prefix[] = [];
  if (limit === 0) return out;
  const unitBits = t.bits - length;
  const gaps = uncoveredUnits(supernet, children, unitBits);
  if (limit === undefined) {
    const total = countUnits(gaps);
    if (total > BigInt(MAX_UNLIMITED_RESULTS)) {
      throw badArg(`${formatPrefix(supernet)} has ${total} free /${length} subnets; pass a limit`);
    }
    limit = Number(total);
  }
  const size = t.count[length];
  for (const g of gaps) {
    let net = supernet.network + (g.first << BigInt(unitBits));
    for (let i = g.first; i <= g.last; i++, net += size) {
      if (out.length >= limit) return out;
      out.push({ family: supernet.family, network: net, length });
    }
  }
  return out;
}

/** The lowest /length subnet of the supernet that overlaps no child, or null. */
export function firstFreeSubnet(supernet: Prefix, children: readonly Prefix[], length: number): Prefix | null {
  return freeSubnets(supernet, children, length, { limit: 1 })[0] ?? null;
}

/**
 * The free space of the supernet as the fewest CIDR blocks (ascending): the supernet
 * minus the union of the children. E.g. 192.0.2.0/24 minus 192.0.2.64/26 and
 * 192.0.2.192/27 → 192.0.2.0/26, 192.0.2.128/26, 192.0.2.224/27.
 */
export function freeSpace(supernet: Prefix, children: readonly Prefix[]): Prefix[] {
  const out: Prefix[] = [];
  for (const g of uncoveredRanges(supernet, children)) rangeToCidrsInto(supernet.family, g.first, g.last, out);
  return out;
}

/**
 * Fewest CIDRs covering exactly the union of the prefixes (merges overlapping and
 * adjacent ones, like Python's collapse_addresses). IPv4 results first, then IPv6; ascending.
 */
export function summarize(prefixes: readonly Prefix[]): Prefix[] {
  if (!Array.isArray(prefixes)) throw badArg("prefixes must be an array");
  const v4: Prefix[] = [];
  const v6: Prefix[] = [];
  for (const p of prefixes) {
    checkPrefix(p);
    (p.family === 4 ? v4 : v6).push(p);
  }
  const out: Prefix[] = [];
  for (const group of [v4, v6]) {
    if (group.length === 0) continue;
    // the smallest prefix holding them all keeps the numeric sort keys short
    const sup = coveringPrefix(group);
    const ranges = coveredUnits(sup, group, 0) ?? [{ first: 0n, last: addressCountOf(sup) - 1n }];
    for (const r of ranges) rangeToCidrsInto(sup.family, sup.network + r.first, sup.network + r.last, out);
  }
  return out;
}

function addressCountOf(p: Prefix): bigint {
  return 1n << BigInt((p.family === 4 ? 32 : 128) - p.length);
}

/** The longest prefix containing every prefix of the (non-empty, single-family) list. */
function coveringPrefix(group: readonly Prefix[]): Prefix {
  const family = group[0].family;
  const bits = family === 4 ? 32 : 128;
  let lo = group[0].network;
  let hi = lo;
  for (const p of group) {
    const last = p.network + addressCountOf(p) - 1n;
    if (p.network < lo) lo = p.network;
    if (last > hi) hi = last;
  }
  const diff = lo ^ hi;
  // [lo, hi] spans every prefix, so a prefix holding both ends holds them all
  const len = diff === 0n ? bits : bits - bitLength(diff);
  const h = BigInt(bits - len);
  return { family, network: (lo >> h) << h, length: len };
}

function rangeToCidrsInto(family: Family, first: bigint, last: bigint, out: Prefix[]): void {
  const bits = family === 4 ? 32 : 128;
  let f = first;
  for (;;) {
    // largest block aligned at f that does not pass `last`
    let k = f === 0n ? bits : bitLength(f & -f) - 1;
    const fit = bitLength(last - f + 1n) - 1;
    if (fit < k) k = fit;
    out.push({ family, network: f, length: bits - k });
    const next = f + (1n << BigInt(k));
    if (next > last) return;
    f = next;
  }
}

/** The fewest CIDRs covering exactly [first, last] (inclusive), ascending. */
export function rangeToCidrs(family: Family, first: bigint, last: bigint): Prefix[] {
  checkValue(family, first, "first");
  checkValue(family, last, "last");
  if (first > last) throw badArg("range first must be ≤ last");
  const out: Prefix[] = [];
  rangeToCidrsInto(family, first, last, out);
  return out;
}
