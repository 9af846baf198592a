import "server-only";
import type { KeyReader, Queryable } from "@/lib/db/raw";
import { networkRangesInside, type KeyRangeRow } from "@/lib/db/raw/network-rows";
import { freeAddressesAsync, fromSortKey, keyJustBelow, mergeRanges, pointStates, sortKeyOf, usableRange, type Family, type Prefix, type Range } from "@/lib/ipam";
import type { Network } from "@/lib/generated/prisma/client";
import { addressStateBasics } from "@/lib/services/networks/load-address-states";
import { isAllocatable } from "@/lib/services/networks/network-status";

// A fast way to find the addresses lib/ipam/states.ts calls "free": in the
// usable range, not an end or the gateway, not inside a child network, not
// in the DHCP pool, not a host's address, and only in a network whose status
// takes new hosts. Everything that hands out or lists free addresses (next-ip,
// allocate, available-ips, free-ranges, the pool suggestion) searches this.

export interface FreeSpace {
  prefix: Prefix;
  first: bigint;
  last: bigint;
  /** Sorted, merged. */
  exclude: Range[];
  /** False for a container, reserved or deprecated network: nothing in it is free. */
  allocatable: boolean;
}

export async function freeSpaceOf(q: Queryable, network: Network): Promise<FreeSpace> {
  // Nothing is free in it: no need to read a container's (possibly many) children.
  const inside = isAllocatable(network) ? await networkRangesInside(q, network.startKey, network.endKey, network.id) : [];
  return freeSpaceWith(network, inside);
}

/**
 * The free space of `network` given the key ranges of every network inside
 * it (merged, that is the direct children's ranges: robust even while
 * parent_id is being re-derived), as read by networkRangesInside or readNetworkAndInside.
 */
export function freeSpaceWith(network: Network, inside: readonly KeyRangeRow[]): FreeSpace {
  const { prefix, allocatable, gateway, pool } = addressStateBasics(network);
  const { first, last } = usableRange(prefix);
  if (!allocatable) return { prefix, first, last, exclude: [], allocatable };
  const ranges: Range[] = [...pointStates(prefix, gateway).keys()].map((v) => ({ first: v, last: v }));
  if (pool) ranges.push(pool);
  for (const c of inside) ranges.push({ first: fromSortKey(c.startKey).value, last: fromSortKey(c.endKey).value });
  return { prefix, first, last, exclude: mergeRanges(ranges), allocatable };
}

/**
 * The first address ≥ `from` that is neither used nor excluded, or null.
 * Runs of used addresses are crossed with the occupancy summary (usedRun), so
 * the cost does not grow with how full the network is.
 */
export async function firstUnused(reader: KeyReader, space: FreeSpace, from: bigint, lastRead?: KeysRead): Promise<bigint | null> {
  if (!space.allocatable) return null;
  const family = space.prefix.family;
  let c = from < space.first ? space.first : from;
  // The run just crossed ended at an address its keys showed unused.
  let seenUnused = false;
  for (;;) {
    for (const r of space.exclude) if (r.first <= c && c <= r.last) (c = r.last + 1n), (seenUnused = false);
    if (c > space.last) return null;
    if (seenUnused) return c;
    const run = await usedRun(reader, family, c, space.last, lastRead);
    if (run.length === 0n) return c;
    c += run.length;
    seenUnused = run.endsUnused;
  }
}

// host_blocks' levels (lib/db/count-triggers.ts): the key without its last 2 or 4 hex digits.
const LEVEL_SIZE = { 1: 256n, 2: 65_536n } as const;
const LEVEL_KEY_LENGTH = { 1: 31, 2: 29 } as const;
const BLOCK_ROWS = 1024;

const blockKeyOf = (family: Family, value: bigint, level: 1 | 2) => sortKeyOf(family, value).slice(0, LEVEL_KEY_LENGTH[level]);
const min = (a: bigint, b: bigint) => (a < b ? a : b);

/**
 * Length of the run of used addresses starting at `start`, up to `last` (0
 * when `start` is unused), and whether the address after it was seen unused
 * (false when the run reaches `last`). Most networks fill from the bottom with short runs:
 * one read of the keys to the end of `start`'s 256-block answers them. A
 * longer run is crossed by descending the occupancy summary (host_blocks,
 * kept exact by triggers): whole full blocks of 65,536 addresses, then of
 * 256, then the keys of the one block that has a gap. A /8 with 16,000,000
 * hosts and its first gap at the end is five reads, where probing the hosts
 * index would walk all of them. Each read is a round trip on PostgreSQL, so
 * a block the summary has shown not to be full is not asked about again.
 */
async function usedRun(reader: KeyReader, family: Family, start: bigint, last: bigint, lastRead?: KeysRead): Promise<{ length: bigint; endsUnused: boolean }> {
  let c = start;
  let firstRead = true;
  // The start of a block the summary has shown not to be full, per level.
  let notFull2 = -1n;
  let notFull1 = -1n;
  while (c <= last) {
    if (!firstRead) {
      if (c % LEVEL_SIZE[2] === 0n && c !== notFull2) {
        const skipped = await fullBlocks(reader, family, 2, c, last);
        c += skipped;
        notFull2 = c; // the skip ended at a block that is not full (or at `last`)
        if (skipped > 0n) continue;
      }
      if (c % LEVEL_SIZE[1] === 0n && c !== notFull1) {
        // 256-blocks only up to the next 65,536 boundary, where whole 65,536-blocks can be skipped again.
        const upTo = min(last, c | (LEVEL_SIZE[2] - 1n));
        const skipped = await fullBlocks(reader, family, 1, c, upTo);
        c += skipped;
        if (c <= upTo) notFull1 = c;
        if (skipped > 0n) continue;
      }
    }
    firstRead = false;
    // Keys from c to the end of its 256-block.
    const end = min(last, c | (LEVEL_SIZE[1] - 1n));
    const keys = await reader.keysAfter(keyJustBelow(family, c), sortKeyOf(family, end), Number(end - c + 1n));
    if (lastRead) Object.assign(lastRead, { from: c, end, keys });
    let run = 0;
    while (run < keys.length && keys[run] === sortKeyOf(family, c + BigInt(run))) run++;
    c += BigInt(run);
    if (c <= end) return { length: c - start, endsUnused: true };
  }
  return { length: c - start, endsUnused: false };
}

/**
 * How many addresses from `c` on lie in consecutive FULL blocks of `level`
 * (whole blocks only, none past `last`): 0 unless `c` starts such a block.
 */
async function fullBlocks(reader: KeyReader, family: Family, level: 1 | 2, c: bigint, last: bigint): Promise<bigint> {
  const size = LEVEL_SIZE[level];
  if (c % size !== 0n || c + size - 1n > last) return 0n;
  const wholeBlocks = (last - c + 1n) / size;
  let n = 0n;
  for (;;) {
    const from = c + n * size;
    const rows = await reader.blocks(level, blockKeyOf(family, from, level), blockKeyOf(family, c + (wholeBlocks - 1n) * size, level), BLOCK_ROWS);
    for (const row of rows) {
      if (n === wholeBlocks || row.key !== blockKeyOf(family, c + n * size, level) || BigInt(row.used) !== size) return n * size;
      n++;
    }
    if (rows.length < BLOCK_ROWS || n === wholeBlocks) return n * size;
  }
}

const USED_BATCH = 5000;

/** Used addresses > `after` in ascending batches (keyset pagination), for lib/ipam's streaming functions. */
export async function* usedAfter(reader: KeyReader, space: FreeSpace, after: bigint): AsyncGenerator<bigint[]> {
  const family = space.prefix.family;
  const hi = sortKeyOf(family, space.last);
  let cursor = keyJustBelow(family, after + 1n);
  for (;;) {
    const keys = await reader.keysAfter(cursor, hi, USED_BATCH);
    if (keys.length === 0) return;
    cursor = keys[keys.length - 1];
    yield keys.map((k) => fromSortKey(k).value);
    // A short batch holds every key up to `hi`: asking again would only say so.
    if (keys.length < USED_BATCH) return;
  }
}

/** The used keys of [from, end], as firstUnused's search last read them. */
export interface KeysRead {
  from: bigint;
  end: bigint;
  keys: string[];
}

/** The first `count` free addresses after `after` (ascending), or fewer when the network runs out. */
export async function findFree(reader: KeyReader, space: FreeSpace, count: number, after?: bigint): Promise<bigint[]> {
  const lastRead: KeysRead = { from: 0n, end: -1n, keys: [] };
  const first = await firstUnused(reader, space, after === undefined ? space.first : after + 1n, lastRead);
  if (first === null) return [];
  if (count === 1) return [first];
  // The search ended reading the keys of first's block up to lastRead.end: a
  // batch of allocations usually fits before it, and needs no other read.
  if (lastRead.from <= first && first <= lastRead.end) {
    const used = lastRead.keys.map((k) => fromSortKey(k).value).filter((v) => v > first);
    const beyond = lastRead.end < space.last ? [{ first: lastRead.end + 1n, last: space.last }] : [];
    const within = await freeAddressesAsync(space.prefix, [used], { exclude: mergeRanges([...space.exclude, ...beyond]), after: first - 1n, count });
    if (within.length === count) return within;
  }
  return freeAddressesAsync(space.prefix, usedAfter(reader, space, first - 1n), { exclude: space.exclude, after: first - 1n, count });
}
