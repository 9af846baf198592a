// Brute-force reference implementations for the property tests. They enumerate
// addresses (small prefixes only) or use the most naive algorithm available, and share
// no code with the engine.
import type { Family, Interval, Prefix } from "../types";

export function bitsOf(family: Family): number {
  return family === 4 ? 32 : 128;
}

export function lastOf(p: Prefix): bigint {
  return p.network + (1n << BigInt(bitsOf(p.family) - p.length)) - 1n;
}

/** Usable range straight from the rule in the issue. */
export function usableOf(p: Prefix): [bigint, bigint] {
  const bits = bitsOf(p.family);
  const last = lastOf(p);
  if (p.length === bits) return [p.network, p.network];
  if (p.length === bits - 1) return [p.network, last];
  return p.family === 4 ? [p.network + 1n, last - 1n] : [p.network + 1n, last];
}

/** Free usable addresses by enumeration (small prefixes only). */
export function enumerateFree(
  p: Prefix,
  used: readonly bigint[],
  exclude: ReadonlyArray<{ first: bigint; last: bigint }> = [],
  after?: bigint,
): bigint[] {
  const [lo, hi] = usableOf(p);
  if (hi - lo > 1n << 16n) throw new Error("oracle: prefix too large to enumerate");
  const usedSet = new Set(used);
  const out: bigint[] = [];
  for (let a = lo; a <= hi; a++) {
    if (after !== undefined && a <= after) continue;
    if (usedSet.has(a)) continue;
    if (exclude.some((r) => r.first <= a && a <= r.last)) continue;
    out.push(a);
  }
  return out;
}

/** Groups an ascending list of addresses into maximal consecutive intervals. */
export function toIntervals(addrs: readonly bigint[]): Interval[] {
  const out: Interval[] = [];
  for (const a of addrs) {
    const cur = out[out.length - 1];
    if (cur && cur.last + 1n === a) {
      cur.last = a;
      cur.size += 1n;
    } else {
      out.push({ first: a, last: a, size: 1n });
    }
  }
  return out;
}

/** Naive interval algorithm (no enumeration) for large prefixes. */
export function naiveFreeIntervals(
  p: Prefix,
  used: readonly bigint[],
  exclude: ReadonlyArray<{ first: bigint; last: bigint }> = [],
  after?: bigint,
): Interval[] {
  let [lo, hi] = usableOf(p);
  if (after !== undefined && after >= lo) lo = after + 1n;
  const blocked: Array<[bigint, bigint]> = [];
  for (const u of used) blocked.push([u, u]);
  for (const r of exclude) blocked.push([r.first, r.last]);
  blocked.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: Interval[] = [];
  let cur = lo;
  for (const [f, l] of blocked) {
    if (l < cur) continue;
    if (f > hi) break;
    if (f > cur) {
      const last = f - 1n;
      out.push({ first: cur, last, size: last - cur + 1n });
    }
    if (l + 1n > cur) cur = l + 1n;
  }
  if (cur <= hi) out.push({ first: cur, last: hi, size: hi - cur + 1n });
  return out;
}

/** Every aligned /length block of the supernet that intersects no child (stepping through all). */
export function enumerateFreeSubnets(supernet: Prefix, children: readonly Prefix[], length: number): Prefix[] {
  const bits = bitsOf(supernet.family);
  const size = 1n << BigInt(bits - length);
  const end = lastOf(supernet);
  const out: Prefix[] = [];
  for (let s = supernet.network; s <= end; s += size) {
    const e = s + size - 1n;
    const blocked = children.some((c) => c.family === supernet.family && c.network <= e && lastOf(c) >= s);
    if (!blocked) out.push({ family: supernet.family, network: s, length });
  }
  return out;
}

/** Set of covered addresses (small prefixes only). */
export function coveredSet(prefixes: readonly Prefix[]): Set<bigint> {
  const s = new Set<bigint>();
  for (const p of prefixes) {
    const last = lastOf(p);
    if (last - p.network > 1n << 16n) throw new Error("oracle: prefix too large to enumerate");
    for (let a = p.network; a <= last; a++) s.add(a);
  }
  return s;
}

/** Expands CIDRs to their addresses, ascending (small only). */
export function expand(prefixes: readonly Prefix[]): bigint[] {
  return [...coveredSet(prefixes)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Minimal CIDR decomposition of a set of addresses: at each point, the biggest aligned block inside the run. */
export function minimalCidrs(family: Family, addrs: readonly bigint[]): Prefix[] {
  const bits = bitsOf(family);
  const out: Prefix[] = [];
  for (const run of toIntervals(addrs)) {
    let s = run.first;
    while (s <= run.last) {
      let k = bits;
      while (k > 0 && (s % (1n << BigInt(k)) !== 0n || s + (1n << BigInt(k)) - 1n > run.last)) k--;
      out.push({ family, network: s, length: bits - k });
      s += 1n << BigInt(k);
    }
  }
  return out;
}

/** Merges [first, last] ranges (naively) into sorted disjoint, non-adjacent ranges. */
export function mergeRanges(rs: ReadonlyArray<[bigint, bigint]>): Array<[bigint, bigint]> {
  const s = rs.slice().sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: Array<[bigint, bigint]> = [];
  for (const [f, l] of s) {
    const cur = out[out.length - 1];
    if (cur && f <= cur[1] + 1n) {
      if (l > cur[1]) cur[1] = l;
    } else out.push([f, l]);
  }
  return out;
}

/** Greedy CIDR decomposition of [first, last], trying every block size from the largest. */
export function naiveRangeCidrs(family: Family, first: bigint, last: bigint): Prefix[] {
  const bits = bitsOf(family);
  const out: Prefix[] = [];
  let s = first;
  while (s <= last) {
    let k = bits;
    while (k > 0 && (s % (1n << BigInt(k)) !== 0n || s + (1n << BigInt(k)) - 1n > last)) k--;
    out.push({ family, network: s, length: bits - k });
    s += 1n << BigInt(k);
  }
  return out;
}

/** Gaps of the supernet not covered by children (naive interval arithmetic, any size). */
export function naiveGaps(supernet: Prefix, children: readonly Prefix[]): Array<[bigint, bigint]> {
  const end = lastOf(supernet);
  const blocked = mergeRanges(
    children
      .filter((c) => c.family === supernet.family && c.network <= end && lastOf(c) >= supernet.network)
      .map((c): [bigint, bigint] => [c.network < supernet.network ? supernet.network : c.network, lastOf(c) > end ? end : lastOf(c)]),
  );
  const gaps: Array<[bigint, bigint]> = [];
  let cur = supernet.network;
  for (const [f, l] of blocked) {
    if (f > cur) gaps.push([cur, f - 1n]);
    cur = l + 1n;
  }
  if (cur <= end) gaps.push([cur, end]);
  return gaps;
}

/** Aligned /length blocks inside the gaps (division-based alignment), at most `limit`. */
export function naiveFreeSubnets(supernet: Prefix, children: readonly Prefix[], length: number, limit: number): { list: Prefix[]; count: bigint } {
  const size = 1n << BigInt(bitsOf(supernet.family) - length);
  const list: Prefix[] = [];
  let count = 0n;
  for (const [f, l] of naiveGaps(supernet, children)) {
    const firstIdx = (f + size - 1n) / size;
    const endIdx = (l + 1n) / size;
    if (endIdx > firstIdx) count += endIdx - firstIdx;
    for (let i = firstIdx; i < endIdx && list.length < limit; i++) list.push({ family: supernet.family, network: i * size, length });
  }
  return { list, count };
}
