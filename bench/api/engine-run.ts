import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { allocationThroughput } from "./allocation-throughput";
import { measureApiCases } from "./api-cases";
import { backupAndRestore } from "./backup-restore";
import { loadEnv } from "../../lib/env";
import type { BenchDb } from "./bench-db";
import { TOTAL_HOSTS, createNetworks } from "./dataset";
import type { Figure } from "./figure";
import { startServer, type RunningServer } from "./server";

// Every API figure on one engine: networks, serve, import the hosts, measure,
// then the operator's commands on the same 1,101,000 hosts. On PostgreSQL a second instance joins
// the first on the same database for the throughput case.

export async function measureEngine(db: BenchDb, distDir: string, log: (line: string) => void): Promise<Figure[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "ipam-api-bench-data-"));
  const authSecret = randomBytes(24).toString("hex");
  const servers: RunningServer[] = [];
  const serve = async () => {
    // The per-token limit (1,200 calls a minute by default) would cap what these
    // cases measure; the limiter's own cost is `npm run bench -- auth`'s case.
    const server = await startServer({
      databaseUrl: db.url, dataDir, distDir, authSecret, env: { API_RATE_LIMIT: "0" },
      // The server's own lines only when asked: a crash otherwise shows as a refused connection.
      log: process.env.BENCH_SERVER_LOG ? (line) => log(`[server] ${line}`) : undefined,
    });
    servers.push(server);
    return server;
  };
  const figures: Figure[] = [];
  try {
    const data = await createNetworks(db);
    const first = await serve();
    figures.push(...(await measureApiCases({ db, url: first.url, data, dataDir, log })));
    if (db.engine === "postgresql") {
      log(`[${db.engine}] allocation throughput, second instance`);
      const second = await serve();
      const peak = watchPeak(() => db.appConnections!());
      figures.push(...(await allocationThroughput([first.url, second.url], data.token, data.pools)));
      const held = await peak.stop();
      figures.push({
        case: "connections held by the 2 instances under load (DATABASE_POOL_SIZE each)", goal: `≤ 2 × ${loadEnv().DATABASE_POOL_SIZE}`,
        display: `${held} at most`, ok: held <= 2 * loadEnv().DATABASE_POOL_SIZE,
      });
    }
    for (const server of servers.splice(0)) await server.stop();
    log(`[${db.engine}] backup and restore`);
    const empty = await db.createEmpty();
    try {
      figures.push(...(await backupAndRestore(db.url, empty.url, TOTAL_HOSTS)));
    } finally {
      await empty.drop();
    }
    // Everything here shares the machine's cores with whatever else runs: say how busy it was.
    figures.push({ case: "machine load average (1 min) at the end of this engine's run", goal: "–", display: `${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`, ok: true, info: true });
  } finally {
    for (const server of servers) await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return figures;
}

/** Samples `read` every 100 ms until stop(), which answers the greatest value seen. */
function watchPeak(read: () => Promise<number>): { stop(): Promise<number> } {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await read());
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return peak;
    },
  };
}
