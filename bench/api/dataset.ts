import { formatValue, sortKeyOf, usableRange, type Family } from "../../lib/ipam";
import type { BenchDb, SeedHost } from "./bench-db";

// The API benchmark's dataset, identical on both engines, with a name and a
// MAC on every host as users' data has. Networks and the token are written
// by the driver; the hosts go in through the app (bench/api/seeding.ts):
// phase 1, 100,000 IPv4 hosts (99,000 packed in a /8, 1,000 in an early-gap
// /16) and 100,000 random hosts in an IPv6 /48, each a CSV file through
// POST /api/v1/import/csv. Phase 2 grows the /8 to 1,000,000 contiguous hosts
// (first gap after all of them) while the server runs.

export const TEN = 0x0a000000n;
const ELEVEN = 0x0b000000n;
const TWELVE = 0x0c000000n;
const THIRTEEN = 0x0d000000n;
const FOURTEEN = 0x0e000000n;
/** 2001:db8:1234::/48 */
export const V6_48 = 0x20010db81234n << 80n;

/** The first free address of the /8 once phase 2 is in. */
export const SLASH8_NEXT_FREE = "10.15.66.65";
export const SLASH8_LAST = TEN + 2n ** 24n - 1n;
export const PHASE1_V4 = 100_000;
export const V6_HOSTS = 100_000;
export const PHASE2 = { first: TEN + 99_001n, count: 901_000 };
export const TOTAL_HOSTS = PHASE1_V4 + V6_HOSTS + PHASE2.count;

export interface Dataset {
  slash8: number;
  early: number;
  /** Empty /16s: the allocation cases, then the two of the throughput case. */
  pool: number;
  pools: [number, number];
  slash48: number;
  token: string;
}

export async function createNetworks(db: BenchDb): Promise<Dataset> {
  return {
    slash8: await db.addNetwork(TEN, 8, "bench /8"),
    early: await db.addNetwork(ELEVEN, 16, "early gap"),
    pool: await db.addNetwork(TWELVE, 16, "allocations"),
    pools: [await db.addNetwork(THIRTEEN, 16, "allocations A"), await db.addNetwork(FOURTEEN, 16, "allocations B")],
    slash48: await db.addNetwork(V6_48, 48, "bench IPv6 /48", 6),
    token: await db.addToken(),
  };
}

const hex = (v: bigint, digits: number) => v.toString(16).padStart(digits, "0");
const macOf = (first: string, v: bigint) => `${first}:00:${hex(v & 0xffffffffn, 8).match(/../g)!.join(":")}`;

export function seedHost(family: Family, value: bigint, index: bigint): SeedHost {
  return {
    family, address: formatValue(family, value), key: sortKeyOf(family, value),
    // Unique names and MACs (a MAC is unique per family): from the address in IPv4, from the row in IPv6.
    hostname: family === 4 ? `h${hex(value, 8)}` : `v6-${hex(index, 5)}`,
    mac: family === 4 ? macOf("02", value) : macOf("06", index),
  };
}

/** Phase 1's IPv4 hosts: 1,000 in the early /16 (its 10th address left free), 99,000 from the /8's first address. */
export function phase1Hosts(): SeedHost[] {
  const hosts: SeedHost[] = [];
  for (let v = ELEVEN + 1n; hosts.length < 1000; v++) if (v !== ELEVEN + 10n) hosts.push(seedHost(4, v, 0n));
  for (let v = TEN + 1n; hosts.length < PHASE1_V4; v++) hosts.push(seedHost(4, v, 0n));
  return hosts;
}

/** 100,000 distinct random addresses of the /48 (a fixed seed: the same on both engines), and its first free one. */
export function v6Hosts(): { hosts: SeedHost[]; nextFree: bigint } {
  let s = 0x9e3779b9;
  const rnd = () => BigInt((s = (Math.imul(s, 1664525) + 1013904223) >>> 0));
  const values = new Set<bigint>();
  while (values.size < V6_HOSTS) values.add(V6_48 + (((rnd() & 0xffffn) << 64n) | (rnd() << 32n) | rnd()));
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const { first } = usableRange({ family: 6, network: V6_48, length: 48 });
  let nextFree = first;
  for (const v of sorted) if (v === nextFree) nextFree++;
  return { hosts: sorted.map((v, i) => seedHost(6, v, BigInt(i))), nextFree };
}

/** The hosts as the CSV file a user would import (this app's export columns). */
export function hostsCsv(hosts: readonly SeedHost[]): string {
  return `ip_address,hostname,mac_address\n${hosts.map((h) => `${h.address},${h.hostname},${h.mac}`).join("\n")}\n`;
}
