import type { BenchDb } from "./bench-db";

// The API benchmark's dataset, identical on both engines. Phase 1: 100,000
// hosts (99,000 in a /8, 1,000 in an early-gap /16). Phase 2 grows the /8 to
// 1,000,000 contiguous hosts (first gap after all of them) while the server runs.

export const TEN = 0x0a000000n;
const ELEVEN = 0x0b000000n;
const TWELVE = 0x0c000000n;
const THIRTEEN = 0x0d000000n;
const FOURTEEN = 0x0e000000n;

/** The first free address of the /8 once phase 2 is in. */
export const SLASH8_NEXT_FREE = "10.15.66.65";
export const SLASH8_LAST = TEN + 2n ** 24n - 1n;
export const TOTAL_HOSTS = 1_001_000;

export interface Dataset {
  slash8: number;
  early: number;
  /** Empty /16s: the concurrent-allocation case, then the two of the throughput case. */
  pool: number;
  pools: [number, number];
  token: string;
}

export async function seedPhase1(db: BenchDb): Promise<Dataset> {
  const slash8 = await db.addNetwork(TEN, 8, "bench /8");
  const early = await db.addNetwork(ELEVEN, 16, "early gap");
  const pool = await db.addNetwork(TWELVE, 16, "allocations");
  const pools: [number, number] = [await db.addNetwork(THIRTEEN, 16, "allocations A"), await db.addNetwork(FOURTEEN, 16, "allocations B")];
  await db.addHosts(early, ELEVEN + 1n, 1000, [ELEVEN + 10n]);
  await db.addHosts(slash8, TEN + 1n, 99_000);
  return { slash8, early, pool, pools, token: await db.addToken() };
}

export async function seedPhase2(db: BenchDb, data: Dataset): Promise<void> {
  await db.addHosts(data.slash8, TEN + 99_001n, 901_000);
}
