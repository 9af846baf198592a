// Issue 15.2's moonshot, not in the default run: `npm run bench -- --huge`
// (or `-- huge`). A /8 with 16,000,000 of its 16,777,214 usable addresses
// used from the bottom, the first gap at the end: next-ip in the service
// (getNextIp, no HTTP) < 10 ms and over HTTP < 15 ms, both also on the first
// call after another connection's commit, beside the fastest raw SQL for the
// same answer (bench/api/raw-baselines.ts). SQLite only: 16,000,000 rows go in
// through better-sqlite3 in one transaction (a few minutes; ~3 GB in the temp
// folder, deleted afterwards), with the count triggers off and the counts
// rebuilt by the recount functions `npm run admin -- recount` runs.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type Database from "better-sqlite3";
import { loadEnv } from "../lib/env";
import { disconnectDb, getDb } from "../lib/db/client";
import { migrateSqlite } from "../lib/db/migrate";
import { recountHostBlocks, recountNetworkHosts } from "../lib/db/raw/network-counts";
import { formatValue, sortKeyOf, usableRange } from "../lib/ipam";
import { getNextIp } from "../lib/services/ip/get-next-ip";
import type { BenchRow, Figure } from "./api/figure";
import { asRow } from "./api/figure";
import { fetchRetry } from "./api/http";
import { median, ms, p50 } from "./api/measure";
import { rawNextFree } from "./api/raw-baselines";
import { addNetwork, addToken, openBenchDb, sqliteRawReads } from "./api/seed";
import { checkBuild, startServer } from "./api/server";
import { withEnv } from "./api/with-env";

const TEN = 0x0a000000n;
const USED = 16_000_000;
const NEXT_FREE = TEN + BigInt(USED) + 1n; // 10.244.36.1
const NOW = new Date().toISOString().replace("Z", "+00:00");
const admin = { kind: "user" as const, id: 0, name: "bench", role: "admin" as const };

/** 16,000,000 hosts from the /8's first address, the triggers that would count each row off (the counts are rebuilt after). */
async function seed(db: Database.Database, file: string, slash8: number, log: (line: string) => void): Promise<void> {
  const triggers = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'hosts'`).all() as Array<{ name: string; sql: string }>;
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144"); // 256 MB: the key index stays in memory while it grows
  const insert = db.prepare(`INSERT INTO hosts (ip_address, ip_key, family, status, network_id, created_at, updated_at) VALUES (?, ?, 4, 'active', ?, ?, ?)`);
  const t0 = performance.now();
  db.transaction(() => {
    for (let i = 1; i <= USED; i++) {
      const v = TEN + BigInt(i);
      insert.run(formatValue(4, v), sortKeyOf(4, v), slash8, NOW, NOW);
      if (i % 2_000_000 === 0) log(`  ${(i / 1e6).toFixed(0)},000,000 hosts (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
  })();
  db.pragma("synchronous = NORMAL");
  // The triggers back as the migration runner installs them, then the counts they keep, rebuilt by the recount functions.
  migrateSqlite(file);
  const t1 = performance.now();
  await recountNetworkHosts(getDb());
  await recountHostBlocks(getDb());
  log(`  recount: ${((performance.now() - t1) / 1000).toFixed(0)} s; database ${(statSync(file).size / 2 ** 30).toFixed(1)} GB`);
}

/** Median ms of `runs` calls, and of `runs` calls each right after another connection's commit. */
async function timeBoth(call: () => Promise<unknown>, commitElsewhere: () => void, runs: number): Promise<{ warm: number; afterWrite: number }> {
  for (let i = 0; i < 2; i++) await call();
  const warm: number[] = [];
  const afterWrite: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    await call();
    warm.push(performance.now() - t0);
    commitElsewhere();
    t0 = performance.now();
    await call();
    afterWrite.push(performance.now() - t0);
  }
  return { warm: median(warm), afterWrite: median(afterWrite) };
}

export async function runHugeBench(): Promise<BenchRow[]> {
  const distDir = loadEnv().NEXT_DIST_DIR;
  checkBuild(distDir);
  const log = (line: string) => console.log(line);
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-huge-"));
  const file = path.join(dir, "huge.db");
  const db = openBenchDb(file);
  const figures: Figure[] = [];
  try {
    const slash8 = addNetwork(db, TEN, 8, "huge /8");
    const other = addNetwork(db, 0x0b000000n, 16, "elsewhere");
    const token = addToken(db);
    log(`  seeding ${USED.toLocaleString("en-US")} hosts into ${dir}`);
    let flip = 0;
    const commitElsewhere = () => void db.prepare("UPDATE networks SET description = ? WHERE id = ?").run(`bench ${flip++}`, other);
    const expected = formatValue(4, NEXT_FREE);
    const service = async () => {
      const answer = await getNextIp(admin, slash8);
      if (answer.ip_address !== expected) throw new Error(`getNextIp answered ${answer.ip_address}, expected ${expected}`);
    };
    const t0 = performance.now();
    let seedS = 0;
    const inService = await withEnv({ DATABASE_URL: `file:${file}`, DATA_DIR: dir }, async () => {
      try {
        await seed(db, file, slash8, log);
        seedS = (performance.now() - t0) / 1000;
        return await timeBoth(service, commitElsewhere, 9);
      } finally {
        await disconnectDb();
      }
    });
    log("  raw baselines (each strategy walks up to 16,000,000 index entries)");
    const { first, last } = usableRange({ family: 4, network: TEN, length: 8 });
    const raw = await rawNextFree(sqliteRawReads(db), 4, first, last, NEXT_FREE, 3);
    figures.push({
      case: "next-ip in the service (getNextIp), /8 with 16,000,000 hosts, first gap at the end", goal: "< 10 ms, after a write too", value: inService.warm,
      display: `${ms(inService.warm)} (first after another connection's commit: ${ms(inService.afterWrite)})`,
      ok: inService.warm < 10 && inService.afterWrite < 10, baseline: raw.baseline(inService.warm),
    });

    const server = await startServer({ databaseUrl: `file:${file}`, dataDir: dir, distDir, authSecret: randomBytes(24).toString("hex"), env: { API_RATE_LIMIT: "0" } });
    try {
      const get = (p: string) => () => fetchRetry(`${server.url}/api/v1${p}`, { headers: { authorization: `Bearer ${token}` } });
      const body = await (await get(`/ip/networks/${slash8}/next-ip`)()).json();
      if (body.ip_address !== expected) throw new Error(`next-ip over HTTP answered ${JSON.stringify(body)}`);
      const overHttp = await timeBoth(async () => (await get(`/ip/networks/${slash8}/next-ip`)()).arrayBuffer(), commitElsewhere, 9);
      figures.push({
        case: "next-ip over HTTP, same /8", goal: "< 15 ms, after a write too", value: overHttp.warm,
        display: `${ms(overHttp.warm)} (first after another connection's commit: ${ms(overHttp.afterWrite)})`,
        ok: overHttp.warm < 15 && overHttp.afterWrite < 15, baseline: raw.baseline(overHttp.warm),
      });
      const network = await p50(get(`/networks/${slash8}`), 20);
      figures.push({ case: "GET /networks/{id} of the same /8 (exact counts)", goal: "–", value: network, display: ms(network), ok: true, info: true });
    } finally {
      await server.stop();
    }
    figures.push({
      case: "seeding (better-sqlite3, one transaction; counts rebuilt by the recount functions)", goal: "–",
      display: `${seedS.toFixed(0)} s; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`, ok: true, info: true,
    });
  } finally {
    await disconnectDb();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures.map(asRow);
}
