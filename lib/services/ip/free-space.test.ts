import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BlockCount, KeyReader } from "@/lib/db/raw/key-reader";
import { parseAddress, sortKeyOf, type Range } from "@/lib/ipam";
import { findFree, firstUnused, type FreeSpace } from "@/lib/services/ip/free-space";

// firstUnused's descent of the occupancy summary, against a walk of the
// addresses, on an in-memory reader that answers as the database does
// (hosts' keys, and host_blocks kept exact). The database side of the same
// search is tests/counts/next-free-blocks.integration.test.ts.

const BASE = parseAddress("10.0.0.0").value;
const SIZE = 1n << 18n; // a /14: four 65,536-blocks

/** A reader over `used` (sorted, ascending), counting its reads. */
function memoryReader(used: bigint[]): KeyReader & { reads: number } {
  const blockUse = { 1: new Map<bigint, number>(), 2: new Map<bigint, number>() };
  for (const v of used) {
    for (const level of [1, 2] as const) {
      const block = v >> (level === 1 ? 8n : 16n);
      blockUse[level].set(block, (blockUse[level].get(block) ?? 0) + 1);
    }
  }
  const blocks = { 1: [...blockUse[1].keys()], 2: [...blockUse[2].keys()] }; // ascending: `used` is
  const blockKey = (level: 1 | 2, block: bigint) => sortKeyOf(4, block << (level === 1 ? 8n : 16n)).slice(0, level === 1 ? 31 : 29);
  const reader = {
    reads: 0,
    async keysAfter(after: string, hi: string, limit: number) {
      reader.reads++;
      const out: string[] = [];
      for (let i = firstIndex(used, (v) => sortKeyOf(4, v) > after); i < used.length && out.length < limit; i++) {
        const key = sortKeyOf(4, used[i]);
        if (key > hi) break;
        out.push(key);
      }
      return out;
    },
    async blocks(level: 1 | 2, lo: string, hi: string, limit: number): Promise<BlockCount[]> {
      reader.reads++;
      const list = blocks[level];
      const out: BlockCount[] = [];
      for (let i = firstIndex(list, (b) => blockKey(level, b) >= lo); i < list.length && out.length < limit; i++) {
        const key = blockKey(level, list[i]);
        if (key > hi) break;
        out.push({ key, used: blockUse[level].get(list[i])! });
      }
      return out;
    },
  };
  return reader;
}

/** The first index of ascending `list` whose item satisfies `is` (false, then true). */
function firstIndex<T>(list: T[], is: (item: T) => boolean): number {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (is(list[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function space(exclude: Range[] = []): FreeSpace {
  return { prefix: { family: 4, network: BASE, length: 14 }, first: BASE + 1n, last: BASE + SIZE - 2n, exclude, allocatable: true };
}

/** Runs of used addresses: whole 65,536- and 256-blocks, and short runs, with gaps between. */
const fills = fc.array(
  fc.record({
    length: fc.oneof(fc.constant(65_536n), fc.constant(256n), fc.bigInt({ min: 1n, max: 600n })),
    gap: fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 3n })),
  }),
  { maxLength: 12 },
);

/** The used addresses, and where each run ends (the address after it). */
function usedOf(runs: Array<{ length: bigint; gap: bigint }>, startAt: bigint): { used: bigint[]; runEnds: bigint[] } {
  const used: bigint[] = [];
  const runEnds: bigint[] = [];
  let v = BASE + startAt;
  for (const { length, gap } of runs) {
    for (let k = 0n; k < length && v + k < BASE + SIZE; k++) used.push(v + k);
    runEnds.push(v + length);
    v += length + gap;
  }
  return { used, runEnds };
}

describe("firstUnused over the occupancy summary", () => {
  it("finds what a walk of the addresses finds", async () => {
    await fc.assert(
      // An excluded range (a child network, the pool) from the end of one of the runs, or anywhere.
      fc.asyncProperty(fills, fc.bigInt({ min: 0n, max: 300n }), fc.bigInt({ min: 0n, max: SIZE - 1n }), fc.option(fc.record({ run: fc.nat(), anywhere: fc.bigInt({ min: 0n, max: SIZE - 1n }), length: fc.bigInt({ min: 1n, max: 700n }) })), async (runs, startAt, from, excluded) => {
        const { used, runEnds } = usedOf(runs, startAt);
        const excludeFrom = excluded === null ? 0n : runEnds.length && excluded.run % 2 === 0 ? runEnds[excluded.run % runEnds.length] : BASE + excluded.anywhere;
        const exclude = excluded === null ? [] : [{ first: excludeFrom, last: excludeFrom + excluded.length - 1n }];
        const s = space(exclude);
        const set = new Set(used);
        let expected: bigint | null = null;
        for (let v = BASE + from < s.first ? s.first : BASE + from; v <= s.last; v++) {
          if (!set.has(v) && !exclude.some((r) => r.first <= v && v <= r.last)) {
            expected = v;
            break;
          }
        }
        expect(await firstUnused(memoryReader(used), s, BASE + from)).toBe(expected);
      }),
      { numRuns: 100 },
    );
  });

  it("crosses a long run in five reads, asking about no block twice", async () => {
    // 10.0.0.1 up to 10.2.77.4 used: the rest of the first 256-block, 255 full 256-blocks,
    // one full 65,536-block, 77 full 256-blocks, then the keys of 10.2.77.0/24.
    const last = parseAddress("10.2.77.4").value;
    const used: bigint[] = [];
    for (let v = BASE + 1n; v <= last; v++) used.push(v);
    const reader = memoryReader(used);
    expect(await firstUnused(reader, space(), BASE + 1n)).toBe(last + 1n);
    expect(reader.reads).toBe(5);
  });
});

describe("findFree", () => {
  it("finds the first `count` free addresses a walk of the addresses finds", async () => {
    await fc.assert(
      fc.asyncProperty(fills, fc.bigInt({ min: 0n, max: 300n }), fc.bigInt({ min: 0n, max: SIZE - 1n }), fc.integer({ min: 1, max: 300 }), fc.option(fc.record({ at: fc.bigInt({ min: 0n, max: SIZE - 1n }), length: fc.bigInt({ min: 1n, max: 700n }) })), async (runs, startAt, after, count, excluded) => {
        const { used } = usedOf(runs, startAt);
        const exclude = excluded === null ? [] : [{ first: BASE + excluded.at, last: BASE + excluded.at + excluded.length - 1n }];
        const s = space(exclude);
        const set = new Set(used);
        const expected: bigint[] = [];
        for (let v = BASE + after + 1n < s.first ? s.first : BASE + after + 1n; v <= s.last && expected.length < count; v++) {
          if (!set.has(v) && !exclude.some((r) => r.first <= v && v <= r.last)) expected.push(v);
        }
        expect(await findFree(memoryReader(used), s, count, BASE + after)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it("takes a batch that fits in the block where the search ended from the keys the search read: no other read", async () => {
    // 10.0.0.1 to 10.0.0.99 used, 10.0.0.120 used: the search reads the first block's keys once.
    const used = [...Array.from({ length: 99 }, (_, i) => BASE + 1n + BigInt(i)), BASE + 120n];
    const reader = memoryReader(used);
    const free = await findFree(reader, space(), 30);
    expect(free).toEqual([...Array.from({ length: 20 }, (_, i) => BASE + 100n + BigInt(i)), ...Array.from({ length: 10 }, (_, i) => BASE + 121n + BigInt(i))]);
    expect(reader.reads).toBe(1);
    // More than the block holds: the keys after the first free address are read once more (a short read holds all of them).
    const more = memoryReader(used);
    expect(await findFree(more, space(), 200)).toHaveLength(200);
    expect(more.reads).toBe(2);
  });
});
