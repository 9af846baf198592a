import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sortKeyOf } from "../../lib/ipam";
import { KEYSET_BATCH, type BenchDb } from "./bench-db";
import { median } from "./measure";
import { addHosts, addNetwork, addToken, openBenchDb } from "./seed";

/** A fresh SQLite file in a temp folder, migrated by the app's own migrations; close() deletes it. */
export function sqliteBenchDb(): BenchDb {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ipam-api-bench-"));
  const file = path.join(dir, "bench.db");
  const db = openBenchDb(file);
  return {
    engine: "sqlite",
    url: `file:${file}`,
    addNetwork: async (first, cidr, name) => addNetwork(db, first, cidr, name),
    addHosts: async (networkId, first, count, skip) => addHosts(db, networkId, first, count, skip),
    addToken: async () => addToken(db),
    async rawScan(first, last) {
      const stmt = db.prepare("SELECT ip_key FROM hosts WHERE ip_key > ? AND ip_key <= ? ORDER BY ip_key LIMIT ?").pluck();
      const hi = sortKeyOf(4, last);
      const times: number[] = [];
      for (let run = 0; run < 5; run++) {
        const t0 = performance.now();
        let cursor = sortKeyOf(4, first);
        for (let keys = stmt.all(cursor, hi, KEYSET_BATCH) as string[]; keys.length; keys = stmt.all(cursor, hi, KEYSET_BATCH) as string[]) {
          cursor = keys[keys.length - 1];
        }
        times.push(performance.now() - t0);
      }
      return median(times);
    },
    async createEmpty() {
      const empty = path.join(dir, `empty-${Date.now()}.db`);
      return { url: `file:${empty}`, drop: async () => rmSync(empty, { force: true }) };
    },
    async close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
