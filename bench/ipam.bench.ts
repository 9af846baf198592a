// Benchmarks for lib/ipam. `npm run bench -- ipam` prints a table;
// bench/run.ts imports runIpamBench(). "free intervals + first free" is one
// freeSummary() call (one pass over the used list); the two-call variant is shown too.
import {
  capacity,
  firstFree,
  firstFreeSubnet,
  freeIntervals,
  freeIntervalsAsync,
  freeSummary,
  parsePrefix,
  type Interval,
  type Prefix,
} from "../lib/ipam";

import type { BenchRow } from "./api/figure";

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median wall time (ms) of `runs` calls after `warmup` calls. */
function timeIt(fn: () => unknown, runs = 9, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

async function timeItAsync(fn: () => Promise<unknown>, runs = 9, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

function shuffled<T>(xs: readonly T[], seed = 42): T[] {
  const out = xs.slice();
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    const tmp = out[i];
    out[i] = out[j];
    out[j] = tmp;
  }
  return out;
}

const ms = (x: number) => (x >= 100 ? `${x.toFixed(0)} ms` : x >= 1 ? `${x.toFixed(1)} ms` : `${x.toFixed(3)} ms`);

function check(cond: boolean, what: string): void {
  if (!cond) throw new Error(`benchmark sanity check failed: ${what}`);
}

/** free intervals + first free (+ count) in one pass: freeSummary(). */
function freeAndFirst(p: Prefix, used: readonly bigint[], sorted: boolean): { iv: Interval[]; first: bigint | null } {
  const s = freeSummary(p, used, { sorted });
  return { iv: s.intervals, first: s.firstFree };
}

/** The same answer from two separate calls. */
function freeThenFirst(p: Prefix, used: readonly bigint[], sorted: boolean): { iv: Interval[]; first: bigint | null } {
  const iv = freeIntervals(p, used, { sorted });
  const first = firstFree(p, used, { sorted });
  return { iv, first };
}

export async function runIpamBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const add = (c: string, goalMs: number, measured: number, extra = "") =>
    rows.push({ case: c, goal: `< ${goalMs} ms`, measured: ms(measured) + extra, ok: measured < goalMs });

  // 1–2. IPv4 /8, 1,000,000 used packed from the start (worst case: every used address is walked).
  {
    const p = parsePrefix("10.0.0.0/8");
    const used: bigint[] = new Array(1_000_000);
    for (let i = 0; i < used.length; i++) used[i] = p.network + BigInt(i + 1);
    const r = freeAndFirst(p, used, true);
    check(r.first === p.network + 1_000_001n && r.iv.length === 1, "IPv4 /8 packed");
    add("free intervals + first free, IPv4 /8, 1,000,000 used packed, sorted", 50, timeIt(() => freeAndFirst(p, used, true)));
    const mixed = shuffled(used);
    check(freeAndFirst(p, mixed, false).first === p.network + 1_000_001n, "IPv4 /8 shuffled");
    add(
      "free intervals + first free, IPv4 /8, 1,000,000 used packed, shuffled",
      300,
      timeIt(() => freeAndFirst(p, mixed, false), 7, 3),
    );
    add(
      "  same, as two calls: freeIntervals() then firstFree()",
      300,
      timeIt(() => freeThenFirst(p, mixed, false), 7, 3),
    );
    add("  same, sorted, as two calls", 50, timeIt(() => freeThenFirst(p, used, true)));
    // streamed from a cursor in batches of 10,000 (info: same work as the sorted case)
    const batches: bigint[][] = [];
    for (let i = 0; i < used.length; i += 10_000) batches.push(used.slice(i, i + 10_000));
    async function* cursor() {
      for (const b of batches) yield b;
    }
    const tAsync = await timeItAsync(async () => {
      const iv = await freeIntervalsAsync(p, cursor(), { limit: 1 });
      check(iv[0].first === p.network + 1_000_001n, "async");
    });
    add("first free interval, IPv4 /8, 1,000,000 used streamed in 10k batches", 50, tAsync);
  }

  // 3. IPv6 /48, 100,000 used.
  {
    const p = parsePrefix("2001:db8:1234::/48");
    const used: bigint[] = new Array(100_000);
    for (let i = 0; i < used.length; i++) used[i] = p.network + BigInt(i + 1);
    check(freeAndFirst(p, used, true).first === p.network + 100_001n, "IPv6 packed");
    add("free intervals + first free, IPv6 /48, 100,000 used packed, sorted", 50, timeIt(() => freeAndFirst(p, used, true)));
    const mixed = shuffled(used);
    add("free intervals + first free, IPv6 /48, 100,000 used packed, shuffled", 50, timeIt(() => freeAndFirst(p, mixed, false)));
    // scattered over the whole /48 (offsets up to 2^80: BigInt path), shuffled
    let s = 7;
    const rnd32 = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
    const scattered: bigint[] = new Array(100_000);
    for (let i = 0; i < scattered.length; i++) {
      scattered[i] = p.network + ((BigInt(rnd32() & 0xffff) << 64n) | (BigInt(rnd32()) << 32n) | BigInt(rnd32()));
    }
    add(
      "free intervals + first free, IPv6 /48, 100,000 used scattered, shuffled",
      300,
      timeIt(() => freeAndFirst(p, scattered, false), 7, 2),
      " (≈100k intervals returned)",
    );
  }

  // 4. capacity of any prefix.
  {
    const prefixes: Prefix[] = [];
    for (let len = 0; len <= 32; len++) prefixes.push({ family: 4, network: 0n, length: len });
    for (let len = 0; len <= 128; len++) prefixes.push({ family: 6, network: 0n, length: len });
    const N = 1_000_000;
    let sink = 0n;
    const run = () => {
      for (let i = 0; i < N; i++) sink ^= capacity(prefixes[i % prefixes.length]);
    };
    const per = (timeIt(run, 5, 1) * 1000) / N; // µs per call
    check(sink !== -1n, "capacity");
    rows.push({ case: "capacity() of any prefix (IPv4/IPv6, /0../max), amortized", goal: "< 1 µs", measured: `${per.toFixed(3)} µs/call`, ok: per < 1 });
  }

  // 5. first free /26 in a /8 holding 100,000 child prefixes (packed /28s from the start, shuffled).
  {
    const sup = parsePrefix("10.0.0.0/8");
    const kids: Prefix[] = [];
    for (let i = 0; i < 100_000; i++) kids.push({ family: 4, network: sup.network + BigInt(i * 16), length: 28 });
    const mixed = shuffled(kids);
    const want = sup.network + 1_600_000n; // 10.24.106.0
    check(firstFreeSubnet(sup, mixed, 26)?.network === want, "first free subnet");
    add("first free /26 in a /8 with 100,000 child prefixes (shuffled)", 100, timeIt(() => firstFreeSubnet(sup, mixed, 26)));
    const kids6: Prefix[] = [];
    const sup6 = parsePrefix("2001:db8::/32");
    for (let i = 0; i < 100_000; i++) kids6.push({ family: 6, network: sup6.network + (BigInt(i) << 64n), length: 64 });
    const mixed6 = shuffled(kids6);
    check(firstFreeSubnet(sup6, mixed6, 56)?.network === sup6.network + (100_096n << 64n), "first free subnet v6");
    add("first free /56 in an IPv6 /32 with 100,000 child /64s (shuffled)", 100, timeIt(() => firstFreeSubnet(sup6, mixed6, 56)));
  }

  // 6. Naive enumeration on a /16 vs the engine (same question, same shuffled input).
  for (const scattered of [1_000, 30_000]) {
    const p = parsePrefix("10.1.0.0/16");
    const used: bigint[] = [];
    for (let i = 1; i <= scattered / 2; i++) used.push(p.network + BigInt(i)); // packed from the start
    for (let i = 0; i < scattered / 2; i++) used.push(p.network + 40_000n + BigInt(i * 3)); // and scattered
    const mixed = shuffled(used);
    const naive = () => {
      // the Flask/NetBox way: walk every host of the prefix and test it against a Set
      const set = new Set(mixed);
      const out: Interval[] = [];
      let first: bigint | null = null;
      const last = p.network + 65_534n;
      for (let a = p.network + 1n; a <= last; a++) {
        if (set.has(a)) continue;
        if (first === null) first = a;
        const cur = out[out.length - 1];
        if (cur && cur.last + 1n === a) {
          cur.last = a;
          cur.size++;
        } else out.push({ first: a, last: a, size: 1n });
      }
      return { iv: out, first };
    };
    const a = naive();
    const b = freeAndFirst(p, mixed, false);
    const text = (x: unknown) => JSON.stringify(x, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    check(a.first === b.first && text(a.iv) === text(b.iv), "naive agrees");
    const tNaive = timeIt(naive, 5, 1);
    const tEngine = timeIt(() => freeAndFirst(p, mixed, false));
    rows.push({
      case: `naive enumeration of a /16 vs engine, ${used.length.toLocaleString("en-US")} used (shuffled), same answer`,
      goal: "engine faster (ratio)",
      measured: `engine ${ms(tEngine)}: ${(tNaive / tEngine).toFixed(0)}× faster`,
      ok: tEngine < tNaive,
      baseline: `naive ${ms(tNaive)} (walk every address against a Set)`,
      ratio: tEngine / tNaive,
    });
  }
  return rows;
}
