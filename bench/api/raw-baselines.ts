import { formatValue, fromSortKey, sortKeyOf, type Family } from "../../lib/ipam";
import type { RawReads } from "./bench-db";
import type { Baseline } from "./figure";
import { median, ms } from "./measure";

// The strongest raw way to answer "the first free address in [first, last]"
// on the same database, measured in the same run: several ways of asking the
// hosts index directly, each timed, the fastest kept. None knows the app's
// occupancy summary (host_blocks); a raw query that used it would be the
// app's own algorithm. What each costs:
// - probe: read keys from `first` in growing batches and stop at the first
//   hole; one short read when the hole is early, every used key otherwise;
// - count+max: COUNT(*) and MAX over the range in one statement, done when the
//   used keys from `first` are contiguous, else a binary search on range counts
//   (each count walks its index range inside the database, no rows travel);
// - lead window (PostgreSQL): one statement comparing each key with the next.

type Strategy = (raw: RawReads, family: Family, first: bigint, last: bigint) => Promise<bigint | null>;

const valueOf = (key: string) => fromSortKey(key).value;

const probe: Strategy = async (raw, family, first, last) => {
  let c = first;
  for (let batch = 256; c <= last; batch = Math.min(batch * 4, 65_536)) {
    const keys = await raw.keys(sortKeyOf(family, c), sortKeyOf(family, last), batch);
    for (const k of keys) {
      if (valueOf(k) !== c) return c;
      c++;
    }
    if (keys.length < batch) break;
  }
  return c <= last ? c : null;
};

const countMax: Strategy = async (raw, family, first, last) => {
  const key = (v: bigint) => sortKeyOf(family, v);
  const whole = await raw.countMax(key(first), key(last));
  if (whole.count === 0) return first;
  const max = valueOf(whole.max!);
  // [first, max] holds `count` keys: all of them when it is that long.
  if (max - first + 1n === BigInt(whole.count)) return max < last ? max + 1n : null;
  let [a, b] = [first, max]; // a hole lies in [a, b]
  while (a < b) {
    const mid = (a + b) / 2n;
    const { count } = await raw.countMax(key(a), key(mid));
    if (BigInt(count) === mid - a + 1n) a = mid + 1n;
    else b = mid;
  }
  return a;
};

const leadWindow: Strategy = async (raw, family, first, last) => {
  const [lowest] = await raw.keys(sortKeyOf(family, first), sortKeyOf(family, last), 1);
  if (lowest === undefined || valueOf(lowest) !== first) return first;
  const k = await raw.leadGap!(sortKeyOf(family, first), sortKeyOf(family, last));
  const next = k === null ? null : valueOf(k) + 1n;
  return next !== null && next <= last ? next : null;
};

export interface RawNextFree { answer: bigint | null; baseline: (measuredMs: number) => Baseline; fastestMs: number; all: string }

/**
 * Times every strategy (median of `runs` after one warm-up) and keeps the
 * fastest: the baseline for next-free figures. A strategy that does not answer
 * `expected` (the app's answer, checked by the caller) is a bug here: it is
 * left out and named in the cell, the others still make the baseline.
 */
export async function rawNextFree(raw: RawReads, family: Family, first: bigint, last: bigint, expected: bigint, runs = 5): Promise<RawNextFree> {
  const strategies: Record<string, Strategy> = { probe, "count+max": countMax, ...(raw.leadGap ? { "lead window": leadWindow } : {}) };
  const timed: Array<{ name: string; ms: number }> = [];
  const wrong: string[] = [];
  for (const [name, strategy] of Object.entries(strategies)) {
    const answer = await strategy(raw, family, first, last);
    if (answer !== expected) {
      wrong.push(`${name} WRONG (answered ${answer === null ? "none" : formatValue(family, answer)})`);
      continue;
    }
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await strategy(raw, family, first, last);
      times.push(performance.now() - t0);
    }
    timed.push({ name, ms: median(times) });
  }
  if (timed.length === 0) throw new Error(`no raw next-free strategy answered ${formatValue(family, expected)}: ${wrong.join(", ")}`);
  timed.sort((a, b) => a.ms - b.ms);
  const best = timed[0];
  const all = [...timed.map((t) => `${t.name} ${ms(t.ms)}`), ...wrong].join(", ");
  return {
    answer: expected, fastestMs: best.ms, all,
    baseline: (measuredMs) => ({ display: `${ms(best.ms)} raw ${best.name} (of: ${all})`, ratio: measuredMs / best.ms }),
  };
}

/** A plain same-run baseline: `display` and the ratio of a measured time to it. */
export function baselineOf(rawMs: number, what: string): (measuredMs: number) => Baseline {
  return (measuredMs) => ({ display: `${ms(rawMs)} ${what}`, ratio: measuredMs / rawMs });
}

/** Median ms of `runs` raw COUNT(*) over [lo, hi] after one warm-up: the baseline of exact counts. */
export async function rawCount(raw: RawReads, lo: string, hi: string, runs = 5): Promise<{ count: number; ms: number }> {
  const { count } = await raw.countMax(lo, hi);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await raw.countMax(lo, hi);
    times.push(performance.now() - t0);
  }
  return { count, ms: median(times) };
}
