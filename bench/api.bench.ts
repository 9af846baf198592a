// REST API benchmark against the production build on a seeded SQLite file.
// `npm run bench -- api` prints a table; bench/run.ts imports runApiBench().
// Phase 1 measures the host list at 100,000 hosts; phase 2 grows the /8 to
// 1,000,000 contiguous hosts (first gap after all of them) while the server runs.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sortKeyOf } from "../lib/ipam";
import { addHosts, addNetwork, addToken, openBenchDb } from "./api/seed";
import { startServer } from "./api/server";
import { median, ms, p50 } from "./api/measure";

export interface BenchRow { case: string; goal: string; measured: string; ok: boolean }

const TEN = 0x0a000000n;
const ELEVEN = 0x0b000000n;
const TWELVE = 0x0c000000n;

export async function runApiBench(log: (line: string) => void = () => undefined): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ipam-api-bench-"));
  const dbFile = path.join(dir, "bench.db");
  const db = openBenchDb(dbFile);
  const slash8 = addNetwork(db, TEN, 8, "bench /8");
  const early = addNetwork(db, ELEVEN, 16, "early gap");
  const pool = addNetwork(db, TWELVE, 16, "allocations");
  addHosts(db, early, ELEVEN + 1n, 1000, [ELEVEN + 10n]);
  addHosts(db, slash8, TEN + 1n, 99_000);
  const token = addToken(db);
  const server = await startServer({ dbFile, dataDir: dir, distDir: process.env.NEXT_DIST_DIR ?? ".next", log });
  const headers = { authorization: `Bearer ${token}` };
  const get = (p: string) => () => fetchRetry(`${server.url}/api/v1${p}`, { headers });
  const rows: BenchRow[] = [];
  try {
    // What any request costs on this machine right now (no auth, SELECT 1): read the other rows against it.
    const baseline = await p50(() => fetchRetry(`${server.url}/api/v1/health`, {}), 50);
    rows.push({ case: "(info) GET /health: baseline request overhead", goal: "–", measured: ms(baseline), ok: true });
    const list = await p50(get("/hosts?per_page=50&sort=ip_address"), 50);
    rows.push({ case: "GET /hosts?per_page=50&sort=ip_address (100,000 hosts)", goal: "p50 < 30 ms", measured: ms(list), ok: list < 30 });

    addHosts(db, slash8, TEN + 99_001n, 901_000);
    const cold = performance.now();
    await (await get(`/networks/${slash8}`)()).json();
    const coldMs = performance.now() - cold;
    const one = await p50(get(`/networks/${slash8}`), 50);
    rows.push({ case: "GET /networks/{id}, /8 with 1,000,000 hosts", goal: "p50 < 50 ms", measured: `${ms(one)} (first, uncached: ${ms(coldMs)})`, ok: one < 50 });

    const worst = await p50(get(`/ip/networks/${slash8}/next-ip`), 9, 2);
    const scan = rawScan(db, TEN, TEN + 2n ** 24n - 1n);
    rows.push({
      case: "next-ip in the /8, first gap after 1,000,000 hosts", goal: "< 300 ms and ≤ 2x raw SQL scan",
      measured: `${ms(worst)} (raw keyset scan of the index: ${ms(scan)})`, ok: worst < 300 && worst <= 2 * scan,
    });
    const answer = await (await get(`/ip/networks/${slash8}/next-ip`)()).json();
    if (answer.ip_address !== "10.15.66.65") throw new Error(`next-ip answered ${JSON.stringify(answer)}`);

    const fast = await p50(get(`/ip/networks/${early}/next-ip`), 50);
    rows.push({ case: "next-ip, first gap early", goal: "p50 < 10 ms", measured: ms(fast), ok: fast < 10 });

    const big = await p50(get("/hosts?per_page=50&sort=ip_address"), 20);
    rows.push({ case: "(info) GET /hosts?per_page=50&sort=ip_address at 1,001,000 hosts", goal: "–", measured: ms(big), ok: true });

    rows.push(await concurrentAllocations(server.url, headers, pool));
  } finally {
    await server.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** A keep-alive socket the server closed while we were seeding is not an API error: retry once. */
async function fetchRetry(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}

/** The baseline: every key of the /8 read in keyset batches of 5000 straight from SQLite (no HTTP, no lib/ipam). */
function rawScan(db: ReturnType<typeof openBenchDb>, first: bigint, last: bigint): number {
  const stmt = db.prepare("SELECT ip_key FROM hosts WHERE ip_key > ? AND ip_key <= ? ORDER BY ip_key LIMIT 5000").pluck();
  const hi = sortKeyOf(4, last);
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    let cursor = sortKeyOf(4, first);
    for (let keys = stmt.all(cursor, hi) as string[]; keys.length; keys = stmt.all(cursor, hi) as string[]) cursor = keys[keys.length - 1];
    times.push(performance.now() - t0);
  }
  return median(times);
}

async function concurrentAllocations(url: string, headers: Record<string, string>, networkId: number): Promise<BenchRow> {
  const allocate = () => fetch(`${url}/api/v1/ip/networks/${networkId}/allocate`, {
    method: "POST", headers: { ...headers, "content-type": "application/json" }, body: "{}",
  });
  // One call first, as the other cases warm up: Next loads a route's module on
  // its first request (~300 ms here), which is start-up, not allocation, cost.
  const warm = await allocate();
  if (warm.status !== 201) throw new Error(`warm-up allocation failed: HTTP ${warm.status}`);
  const t0 = performance.now();
  const responses = await Promise.all(Array.from({ length: 200 }, allocate));
  const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ ip_address?: string }>));
  const seconds = (performance.now() - t0) / 1000;
  const errors = responses.filter((r) => r.status !== 201).length;
  const distinct = new Set(bodies.map((b) => b.ip_address).filter(Boolean)).size;
  const rate = 200 / seconds;
  return {
    case: "200 concurrent allocations", goal: "200 distinct, 0 errors, ≥ 100/s",
    measured: `${distinct} distinct, ${errors} errors, ${rate.toFixed(0)}/s`, ok: distinct === 200 && errors === 0 && rate >= 100,
  };
}
