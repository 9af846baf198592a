// Address-state benchmark: the service layer (no HTTP) on a seeded SQLite
// file. `npm run bench -- states`; bench/run.ts imports runStatesBench().
// A /8 with 1,000,000 hosts (899,000 directly in it with mixed statuses,
// 1,000 with MACs in its DHCP pool, 100,000 in 1,000 child /24s).
// The goal is on the steady state between writes, as for GET /networks/{id}
// in api.bench.ts; "uncached" runs right after another connection committed
// (SQLite data_version changed), so every count walks its index again
// (~35 ms for the 899,000 direct hosts on an idle machine).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { countStates, formatValue, sortKeyOf } from "../lib/ipam";
import { overrideEnv } from "../lib/env";
import { disconnectDb, getDb } from "../lib/db/client";
import { countHostsInRanges } from "../lib/db/raw";
import { loadAddressStates } from "../lib/services/networks/load-address-states";
import { serializeNetworks } from "../lib/services/serializers/serialize-networks";
import { networkRange } from "../lib/services/serializers/network-prefix";
import { addNetwork, openBenchDb } from "./api/seed";
import { median, ms } from "./api/measure";

import type { BenchRow } from "./api/figure";

const TEN = 0x0a000000n;
const POOL = { first: TEN + 0xc80000n, last: TEN + 0xc8ffffn }; // 10.200.0.0 – 10.200.255.255
const NOW = new Date().toISOString().replace("Z", "+00:00");

function seed(db: Database.Database): number {
  const slash8 = addNetwork(db, TEN, 8, "bench /8");
  db.prepare("UPDATE networks SET gateway = ?, dhcp_start = ?, dhcp_end = ? WHERE id = ?")
    .run(formatValue(4, TEN + 1n), formatValue(4, POOL.first), formatValue(4, POOL.last), slash8);
  const insert = db.prepare(
    "INSERT INTO hosts (ip_address, ip_key, family, status, network_id, mac_address, created_at, updated_at) VALUES (?, ?, 4, ?, ?, ?, ?, ?)",
  );
  const host = (v: bigint, status: string, networkId: number, mac: string | null = null) =>
    insert.run(formatValue(4, v), sortKeyOf(4, v), status, networkId, mac, NOW, NOW);
  db.transaction(() => {
    for (let i = 2; i < 899_002; i++) host(TEN + BigInt(i), i % 20 === 0 ? "reserved" : i % 33 === 0 ? "inactive" : "active", slash8);
    for (let i = 0; i < 1000; i++) host(POOL.first + BigInt(i * 7), "active", slash8, `02:00:00:00:${((i >> 8) & 255).toString(16).padStart(2, "0")}:${(i & 255).toString(16).padStart(2, "0")}`);
    for (let c = 0; c < 1000; c++) {
      const first = TEN + 0x640000n + BigInt(c) * 256n; // 10.100.0.0/24, 10.100.1.0/24, …
      const child = addNetwork(db, first, 24, `child ${c}`);
      db.prepare("UPDATE networks SET parent_id = ? WHERE id = ?").run(slash8, child);
      for (let i = 1; i <= 100; i++) host(first + BigInt(i), "active", child);
    }
  })();
  return slash8;
}

/** Median of `runs` timed calls, each after `before()`, following two untimed ones (first reads of the file, JIT). */
async function timeRuns(fn: () => Promise<unknown>, before: () => void, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    before();
    const t0 = performance.now();
    await fn();
    if (i >= 2) times.push(performance.now() - t0);
  }
  return median(times);
}

export async function runStatesBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ipam-states-bench-"));
  const dbFile = path.join(dir, "bench.db");
  const db = openBenchDb(dbFile);
  const slash8 = seed(db);
  overrideEnv({ DATABASE_URL: `file:${dbFile}`, DATA_DIR: dir });
  const rows: BenchRow[] = [];
  // Another connection's commit: the next read must count again.
  let flip = 0;
  const commitElsewhere = () => void db.prepare("UPDATE networks SET description = ? WHERE id = ?").run(`bench ${flip++}`, slash8);
  try {
    const network = await getDb().network.findUniqueOrThrow({ where: { id: slash8 } });
    const breakdown = async () => countStates((await loadAddressStates([network]))[0]);
    const states = await breakdown();
    const expect = { child_network: 256_000n, dhcp_pool: 65_536n - 1000n, reserved: 44_950n, inactive: 25_880n, active: 828_170n + 1000n };
    for (const [state, n] of Object.entries(expect)) {
      if (states[state as keyof typeof states] !== n) throw new Error(`benchmark sanity check failed: ${state} = ${states[state as keyof typeof states]}, expected ${n}`);
    }
    const coldStates = await timeRuns(breakdown, commitElsewhere, 5);
    const warmStates = await timeRuns(breakdown, () => undefined, 9);
    // The raw floor of the same question without kept counts: one GROUP BY status over the /8's key range.
    const byStatus = db.prepare("SELECT status, COUNT(*) AS n FROM hosts WHERE ip_key >= ? AND ip_key <= ? GROUP BY status");
    const range = networkRange(network);
    const rawMs = await timeRuns(async () => byStatus.all(range.lo, range.hi), () => undefined, 5);
    const raw = { baseline: `${ms(rawMs)} raw COUNT(*) … GROUP BY status over the /8's keys` };
    rows.push({
      case: "states breakdown (loadAddressStates + countStates) of the /8, 1,000,000 hosts, 1,000 children, pool",
      goal: "< 50 ms", measured: `${ms(warmStates)} (uncached: ${ms(coldStates)})`, ok: warmStates < 50, ...raw, ratio: warmStates / rawMs,
    });
    const serialize = () => serializeNetworks([network]);
    const cold = await timeRuns(serialize, commitElsewhere, 5);
    await serialize();
    const warm = await timeRuns(serialize, () => undefined, 9);
    rows.push({
      case: "network representation (serializeNetworks) of the /8, 1,000,000 hosts, 1,000 children, pool",
      goal: "< 50 ms", measured: `${ms(warm)} (uncached: ${ms(cold)})`, ok: warm < 50, ...raw, ratio: warm / rawMs,
    });
    // The same load without the states: what serializeNetworks read before them, for comparison on this machine now.
    const usedOnly = () => countHostsInRanges([networkRange(network)]);
    const coldUsed = await timeRuns(usedOnly, commitElsewhere, 5);
    const warmUsed = await timeRuns(usedOnly, () => undefined, 9);
    rows.push({ case: "(info) used_hosts count alone, same /8", goal: "–", measured: `${ms(warmUsed)} (uncached: ${ms(coldUsed)})`, ok: true });
  } finally {
    await disconnectDb();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
