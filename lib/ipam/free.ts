import { IpamError } from "./errors";
import { usableRange } from "./prefix";
import { HI_WORD, LO_WORD, compareBig, lowerBoundBig, lowerBoundNum, sortU32, sortUniqueBig } from "./sort";
import type { Interval, Prefix, Range } from "./types";

// Free-space engine. Cost depends on the number of used addresses / exclusions only:
// the usable range of the prefix is never enumerated. Internally the used addresses
// are swept in ascending order; runs of consecutive used addresses are skipped with a
// galloping search, so already-sorted BigInt input costs O(u) comparisons plus
// O(runs · log run) BigInt arithmetic. Unsorted input is sorted as numbers
// (radix sort for ≤ 32-bit offsets) whenever the offsets fit in a double.

export interface FreeOptions {
  /** Ranges that are never free (gateway, DHCP pool…). Clipped to the prefix; may overlap. */
  exclude?: ReadonlyArray<Range>;
  /** Hint that `used` is ascending. Always verified in O(u), so a wrong hint cannot corrupt results. */
  sorted?: boolean;
  /** Only consider addresses strictly greater than this value. */
  after?: bigint;
}
export interface FreeIntervalsOptions extends FreeOptions {
  /** Stop after this many intervals. */
  limit?: number;
}
export interface FreeAddressesOptions extends FreeOptions {
  count: number;
}

/** Streamed used addresses: single values or batches (arrays), in ascending order overall. */
export type UsedStream =
  | AsyncIterable<bigint | readonly bigint[]>
  | Iterable<bigint | readonly bigint[]>;
export type AsyncFreeOptions = Omit<FreeOptions, "sorted">;
export interface AsyncFreeIntervalsOptions extends AsyncFreeOptions {
  limit?: number;
}
export interface AsyncFreeAddressesOptions extends AsyncFreeOptions {
  count: number;
}

/** Receives a free interval; returns false to stop the sweep. */
type Sink = (first: bigint, last: bigint) => boolean;

const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);

function badArg(message: string): IpamError {
  return new IpamError("invalid_argument", message);
}

function checkCount(x: unknown, name: string, required: boolean): number {
  if (!required && (x === undefined || x === Infinity)) return Infinity;
  if (typeof x !== "number" || !Number.isInteger(x) || x < 0) {
    throw badArg(`${name} must be a non-negative integer`);
  }
  return x;
}

/** Clips exclusions to [lo, hi], sorts them and merges overlapping/adjacent ones. */
function normalizeExclusions(exclude: ReadonlyArray<Range> | undefined, lo: bigint, hi: bigint): Range[] {
  if (exclude == null) return [];
  if (!Array.isArray(exclude)) throw badArg("exclude must be an array of {first, last}");
  const rs: Range[] = [];
  for (const r of exclude as ReadonlyArray<Range>) {
    if (!r || typeof r.first !== "bigint" || typeof r.last !== "bigint") {
      throw badArg("each exclusion must be {first: bigint, last: bigint}");
    }
    if (r.first > r.last) throw badArg("an exclusion has first > last");
    const f = r.first < lo ? lo : r.first;
    const l = r.last > hi ? hi : r.last;
    if (f <= l) rs.push({ first: f, last: l });
  }
  return mergeRanges(rs);
}

/** Sorts ranges and merges overlapping or adjacent ones (the input is not changed). */
export function mergeRanges(ranges: ReadonlyArray<Range>): Range[] {
  if (ranges.length < 2) return ranges.map((r) => ({ ...r }));
  const rs = [...ranges].sort((a, b) => compareBig(a.first, b.first));
  const out: Range[] = [{ ...rs[0] }];
  for (let i = 1; i < rs.length; i++) {
    const cur = out[out.length - 1];
    const r = rs[i];
    if (r.first <= cur.last + 1n) {
      if (r.last > cur.last) cur.last = r.last;
    } else {
      out.push({ ...r });
    }
  }
  return out;
}

/**
 * The sweep state: everything below `cursor` has been classified. Used addresses are
 * fed in ascending order (values, BigInt runs or numeric-offset runs); every gap
 * between them is passed, minus the exclusions, to the sink.
 */
class Sweeper {
  cursor: bigint;
  done: boolean;
  private ei = 0;

  constructor(
    start: bigint,
    readonly hi: bigint,
    private readonly ex: Range[],
    private readonly sink: Sink,
  ) {
    this.cursor = start;
    this.done = start > hi;
  }

  /** [a, b] holds no used address: emit it minus the exclusions. */
  private gap(a: bigint, b: bigint): void {
    const ex = this.ex;
    let e = this.ei;
    while (e < ex.length && ex[e].last < a) e++;
    let cur = a;
    while (e < ex.length && ex[e].first <= b) {
      const r = ex[e];
      if (r.first > cur && !this.sink(cur, r.first - 1n)) {
        this.ei = e;
        this.done = true;
        return;
      }
      if (r.last >= b) {
        this.ei = e; // may also cover the next gap
        return;
      }
      cur = r.last + 1n;
      e++;
    }
    this.ei = e;
    if (cur <= b && !this.sink(cur, b)) this.done = true;
  }

  finish(): void {
    if (!this.done && this.cursor <= this.hi) this.gap(this.cursor, this.hi);
    this.done = true;
  }

  value(v: bigint): void {
    if (this.done || v < this.cursor) return;
    if (v > this.hi) {
      this.finish();
      return;
    }
    if (v > this.cursor) {
      this.gap(this.cursor, v - 1n);
      if (this.done) return;
    }
    if (v === this.hi) {
      this.done = true;
      return;
    }
    this.cursor = v + 1n;
  }

  /** arr[from..to) is strictly increasing. */
  bigRun(arr: readonly bigint[], from: number, to: number): void {
    if (this.done) return;
    const hi = this.hi;
    let i = lowerBoundBig(arr, this.cursor, from, to);
    while (i < to) {
      const v = arr[i];
      if (v > hi) {
        this.finish();
        return;
      }
      if (v > this.cursor) {
        this.gap(this.cursor, v - 1n);
        if (this.done) return;
      }
      // Gallop to the end of the run of consecutive addresses starting at i:
      // for strictly increasing integers, arr[j] − v === j − i holds exactly on a prefix.
      let good = i;
      let bad = to;
      let k = 1;
      while (i + k < to) {
        if (arr[i + k] - v === BigInt(k)) {
          good = i + k;
          k *= 2;
        } else {
          bad = i + k;
          break;
        }
      }
      while (bad - good > 1) {
        const mid = (good + bad) >>> 1;
        if (arr[mid] - v === BigInt(mid - i)) good = mid;
        else bad = mid;
      }
      const end = arr[good];
      if (end >= hi) {
        this.done = true;
        return;
      }
      this.cursor = end + 1n;
      i = good + 1;
    }
  }

  /** Offsets from `base`, ascending (duplicates allowed), all ≤ 2^53 − 1. */
  numRun(base: bigint, arr: ArrayLike<number>, from: number, to: number): void {
    if (this.done) return;
    const curRel = this.cursor - base;
    if (curRel > MAX_SAFE_BIG) return; // every offset is below the cursor
    let cur = Number(curRel);
    const hiRel = this.hi - base;
    const hiOff = hiRel > MAX_SAFE_BIG ? Infinity : Number(hiRel);
    for (let i = lowerBoundNum(arr, cur, from, to); i < to; i++) {
      const o = arr[i];
      if (o < cur) continue; // duplicate
      if (o > hiOff) {
        this.cursor = base + BigInt(cur);
        this.finish();
        return;
      }
      if (o > cur) {
        this.gap(base + BigInt(cur), base + BigInt(o - 1));
        if (this.done) return;
      }
      if (o === hiOff) {
        this.done = true;
        return;
      }
      cur = o + 1;
    }
    this.cursor = base + BigInt(cur);
  }
}

/** Used addresses ready for a sweep: strictly increasing BigInts, or sorted numeric offsets. */
type Prepared =
  | { kind: "big"; arr: readonly bigint[] }
  | { kind: "num"; base: bigint; arr: Uint32Array | Float64Array };

function notBigint(v: unknown): IpamError {
  return badArg(`used addresses must be bigint values, got ${typeof v}`);
}

function prepareUsed(used: Iterable<bigint>, lo: bigint, hi: bigint, p: Prefix): Prepared {
  if (used == null) return { kind: "big", arr: [] };
  if (typeof (used as Iterable<bigint>)[Symbol.iterator] !== "function") {
    throw badArg("used addresses must be an iterable of bigint");
  }
  const arr: readonly bigint[] = Array.isArray(used) ? (used as readonly bigint[]) : Array.from(used);
  const n = arr.length;
  // Is it ascending? Stops at the first descent (a shuffled input is detected at once).
  let strict = true;
  let prev = -1n;
  let i = 0;
  for (; i < n; i++) {
    const v = arr[i];
    if (typeof v !== "bigint") throw notBigint(v);
    if (v <= prev) {
      if (v < prev) break;
      strict = false;
    }
    prev = v;
  }
  if (i < n) return prepareUnsorted(arr, lo, hi, p);
  if (strict) return { kind: "big", arr };
  const out: bigint[] = [];
  let last = -1n;
  for (let j = 0; j < n; j++) {
    const v = arr[j];
    if (v >= lo && v <= hi && v !== last) {
      out.push(v);
      last = v;
    }
  }
  return { kind: "big", arr: out };
}

/**
 * Unsorted input: one pass stores the in-range values into a BigUint64Array (V8 converts
 * there much faster than with Number()); as offsets from the network they fit in 64 bits
 * whenever they fit in 53, and are then read back as 32-bit words → Uint32 (radix sort)
 * or Float64 offsets. Offsets beyond 2^53 (huge IPv6 prefixes) fall back to an exact sort.
 */
function prepareUnsorted(arr: readonly bigint[], lo: bigint, hi: bigint, p: Prefix): Prepared {
  const n = arr.length;
  const base = p.network;
  const b64 = scratch64(n);
  let k = 0;
  let max = base;
  for (let i = 0; i < n; i++) {
    const v = arr[i];
    if (typeof v !== "bigint") throw notBigint(v);
    if (v >= lo && v <= hi) {
      b64[k++] = v; // stored modulo 2^64
      if (v > max) max = v;
    }
  }
  const span = max - base;
  if (span > MAX_SAFE_BIG) {
    const vals: bigint[] = [];
    for (let i = 0; i < n; i++) {
      const v = arr[i];
      if (v >= lo && v <= hi) vals.push(v);
    }
    return { kind: "big", arr: sortUniqueBig(vals, base) };
  }
  // v mod 2^64 − base mod 2^64 = v − base exactly here (the network's low host bits are 0).
  const words = new Uint32Array(b64.buffer, 0, 2 * n);
  const baseLo = Number(base & 0xffffffffn);
  if (span <= 0xffffffffn) {
    // compact the low words into words[0..k) in place (reads stay ahead of writes),
    // then radix-sort them using words[k..2k) as the scratch half
    for (let j = 0, w = LO_WORD; j < k; j++, w += 2) words[j] = (words[w] - baseLo) >>> 0;
    const sorted = sortU32(words.subarray(0, k), words.subarray(k, 2 * k));
    return { kind: "num", base, arr: sorted };
  }
  const baseHi = Number((base >> 32n) & 0xffffffffn);
  const offs = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    offs[j] = (words[2 * j + HI_WORD] - baseHi) * 4294967296 + (words[2 * j + LO_WORD] - baseLo);
  }
  return { kind: "num", base, arr: offs.sort() };
}

// One reusable conversion buffer (the sweep that reads it is synchronous, so calls never
// overlap); buffers above SCRATCH_KEEP entries are not kept.
const SCRATCH_KEEP = 1 << 21;
let scratch: BigUint64Array | null = null;

function scratch64(n: number): BigUint64Array {
  if (scratch !== null && scratch.length >= n) return scratch;
  const b = new BigUint64Array(Math.max(n, 1024));
  if (n <= SCRATCH_KEEP) scratch = b;
  return b;
}

function feed(sw: Sweeper, prep: Prepared): void {
  if (prep.kind === "big") sw.bigRun(prep.arr, 0, prep.arr.length);
  else sw.numRun(prep.base, prep.arr, 0, prep.arr.length);
  sw.finish();
}

interface Setup {
  lo: bigint;
  hi: bigint;
  start: bigint;
  ex: Range[];
}

function setup(p: Prefix, opts: FreeOptions | undefined): Setup {
  const { first: lo, last: hi } = usableRange(p);
  let start = lo;
  const after = opts?.after;
  if (after !== undefined) {
    if (typeof after !== "bigint") throw badArg("after must be a bigint");
    if (after >= lo) start = after + 1n;
  }
  return { lo, hi, start, ex: normalizeExclusions(opts?.exclude, lo, hi) };
}

function intervalSink(out: Interval[], limit: number): Sink {
  return (first, last) => {
    out.push({ first, last, size: last - first + 1n });
    return out.length < limit;
  };
}

function addressSink(out: bigint[], count: number): Sink {
  return (first, last) => {
    for (let x = first; x <= last && out.length < count; x++) out.push(x);
    return out.length < count;
  };
}

// ---------------------------------------------------------------------------
// Synchronous API

/**
 * Free intervals of the prefix's usable range (network/broadcast/anycast excluded per
 * the capacity rule), ascending. `used` may be unsorted, contain duplicates and
 * addresses outside the prefix (ignored).
 */
export function freeIntervals(p: Prefix, used: Iterable<bigint>, opts?: FreeIntervalsOptions): Interval[] {
  const s = setup(p, opts);
  const limit = checkCount(opts?.limit, "limit", false);
  const out: Interval[] = [];
  if (limit === 0) return out;
  const sw = new Sweeper(s.start, s.hi, s.ex, intervalSink(out, limit));
  if (!sw.done) feed(sw, prepareUsed(used, s.lo, s.hi, p));
  return out;
}

/** The lowest free usable address (strictly greater than `after` if given), or null. */
export function firstFree(p: Prefix, used: Iterable<bigint>, opts?: FreeOptions): bigint | null {
  const s = setup(p, opts);
  let found: bigint | null = null;
  const sw = new Sweeper(s.start, s.hi, s.ex, (first) => {
    found = first;
    return false;
  });
  if (!sw.done) feed(sw, prepareUsed(used, s.lo, s.hi, p));
  return found;
}

/** The first `count` free usable addresses (strictly greater than `after` if given), ascending. */
export function freeAddresses(p: Prefix, used: Iterable<bigint>, opts: FreeAddressesOptions): bigint[] {
  const count = checkCount(opts?.count, "count", true);
  const s = setup(p, opts);
  const out: bigint[] = [];
  if (count === 0) return out;
  const sw = new Sweeper(s.start, s.hi, s.ex, addressSink(out, count));
  if (!sw.done) feed(sw, prepareUsed(used, s.lo, s.hi, p));
  return out;
}

/** Number of free usable addresses (exact BigInt), i.e. the sum of freeIntervals sizes. */
export function freeCount(p: Prefix, used: Iterable<bigint>, opts?: FreeOptions): bigint {
  const s = setup(p, opts);
  const { start, hi, ex } = s;
  if (start > hi) return 0n;
  let total = hi - start + 1n;
  for (const r of ex) {
    const f = r.first > start ? r.first : start;
    if (f <= r.last) total -= r.last - f + 1n;
  }
  // subtract the distinct used addresses in [start, hi] that are not already excluded
  const prep = prepareUsed(used, s.lo, hi, p);
  let used_ = 0;
  let e = 0;
  if (prep.kind === "big") {
    const arr = prep.arr;
    for (let i = lowerBoundBig(arr, start, 0, arr.length); i < arr.length; i++) {
      const v = arr[i];
      if (v > hi) break;
      while (e < ex.length && ex[e].last < v) e++;
      if (e < ex.length && ex[e].first <= v) continue;
      used_++;
    }
  } else {
    const { base, arr } = prep;
    const off = (x: bigint): number => {
      const d = x - base;
      return d > MAX_SAFE_BIG ? Infinity : Number(d);
    };
    const startOff = off(start);
    const hiOff = off(hi);
    const exOff = ex.map((r) => [off(r.first), off(r.last)] as const);
    let prevO = -1;
    for (let i = lowerBoundNum(arr, startOff, 0, arr.length); i < arr.length; i++) {
      const o = arr[i];
      if (o > hiOff) break;
      if (o === prevO) continue;
      prevO = o;
      while (e < exOff.length && exOff[e][1] < o) e++;
      if (e < exOff.length && exOff[e][0] <= o) continue;
      used_++;
    }
  }
  return total - BigInt(used_);
}

export interface FreeSummary {
  /** The first `limit` free intervals (all of them without a limit). */
  intervals: Interval[];
  /** The lowest free address, or null. */
  firstFree: bigint | null;
  /** Total number of free addresses (exact). */
  freeCount: bigint;
}

function summarySink(out: FreeSummary, limit: number): Sink {
  return (first, last) => {
    if (out.firstFree === null) out.firstFree = first;
    out.freeCount += last - first + 1n;
    if (out.intervals.length < limit) out.intervals.push({ first, last, size: last - first + 1n });
    return true;
  };
}

/**
 * Intervals, first free address and free count from a single preparation and sweep of
 * `used` (what a network page shows). Cheaper than calling the three functions.
 */
export function freeSummary(p: Prefix, used: Iterable<bigint>, opts?: FreeIntervalsOptions): FreeSummary {
  const s = setup(p, opts);
  const limit = checkCount(opts?.limit, "limit", false);
  const out: FreeSummary = { intervals: [], firstFree: null, freeCount: 0n };
  const sw = new Sweeper(s.start, s.hi, s.ex, summarySink(out, limit));
  if (!sw.done) feed(sw, prepareUsed(used, s.lo, s.hi, p));
  return out;
}

// ---------------------------------------------------------------------------
// Streaming API: `used` is an async (or sync) iterable of bigints or bigint batches
// in ascending order (e.g. a database cursor ordered by address). Duplicates and
// values outside the prefix are fine; a value lower than an earlier one throws
// invalid_argument. Pulling stops as soon as the answer is known (limit reached,
// or a value past the end of the prefix was seen).

function notSorted(): IpamError {
  return badArg("streamed used addresses must be in ascending order");
}

async function drive(sw: Sweeper, src: UsedStream): Promise<void> {
  if (src == null || sw.done) {
    sw.finish();
    return;
  }
  let prev: bigint | undefined;
  for await (const item of src) {
    if (typeof item === "bigint") {
      if (prev !== undefined && item < prev) throw notSorted();
      prev = item;
      sw.value(item);
    } else if (item != null && typeof (item as readonly bigint[]).length === "number") {
      const batch = item as readonly bigint[];
      const n = batch.length;
      if (n === 0) continue;
      let strict = true;
      for (let i = 0; i < n; i++) {
        const v = batch[i];
        if (typeof v !== "bigint") throw notBigint(v);
        if (i === 0) {
          if (prev !== undefined && v < prev) throw notSorted();
        } else if (v <= batch[i - 1]) {
          if (v < batch[i - 1]) throw notSorted();
          strict = false;
        }
      }
      prev = batch[n - 1];
      if (strict) {
        sw.bigRun(batch, 0, n);
      } else {
        const dedup: bigint[] = [batch[0]];
        for (let i = 1; i < n; i++) if (batch[i] !== batch[i - 1]) dedup.push(batch[i]);
        sw.bigRun(dedup, 0, dedup.length);
      }
    } else {
      throw notBigint(item);
    }
    if (sw.done) break;
  }
  sw.finish();
}

/** freeIntervals over a streamed ascending source; stops pulling once `limit` intervals are found. */
export async function freeIntervalsAsync(
  p: Prefix,
  usedSorted: UsedStream,
  opts?: AsyncFreeIntervalsOptions,
): Promise<Interval[]> {
  const s = setup(p, opts);
  const limit = checkCount(opts?.limit, "limit", false);
  const out: Interval[] = [];
  if (limit === 0) return out;
  await drive(new Sweeper(s.start, s.hi, s.ex, intervalSink(out, limit)), usedSorted);
  return out;
}

export async function firstFreeAsync(p: Prefix, usedSorted: UsedStream, opts?: AsyncFreeOptions): Promise<bigint | null> {
  const s = setup(p, opts);
  let found: bigint | null = null;
  const sink: Sink = (first) => {
    found = first;
    return false;
  };
  await drive(new Sweeper(s.start, s.hi, s.ex, sink), usedSorted);
  return found;
}

export async function freeAddressesAsync(
  p: Prefix,
  usedSorted: UsedStream,
  opts: AsyncFreeAddressesOptions,
): Promise<bigint[]> {
  const count = checkCount(opts?.count, "count", true);
  const s = setup(p, opts);
  const out: bigint[] = [];
  if (count === 0) return out;
  await drive(new Sweeper(s.start, s.hi, s.ex, addressSink(out, count)), usedSorted);
  return out;
}

export async function freeCountAsync(p: Prefix, usedSorted: UsedStream, opts?: AsyncFreeOptions): Promise<bigint> {
  const s = setup(p, opts);
  let total = 0n;
  const sink: Sink = (first, last) => {
    total += last - first + 1n;
    return true;
  };
  await drive(new Sweeper(s.start, s.hi, s.ex, sink), usedSorted);
  return total;
}

export async function freeSummaryAsync(
  p: Prefix,
  usedSorted: UsedStream,
  opts?: AsyncFreeIntervalsOptions,
): Promise<FreeSummary> {
  const s = setup(p, opts);
  const limit = checkCount(opts?.limit, "limit", false);
  const out: FreeSummary = { intervals: [], firstFree: null, freeCount: 0n };
  await drive(new Sweeper(s.start, s.hi, s.ex, summarySink(out, limit)), usedSorted);
  return out;
}
