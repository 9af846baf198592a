import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchDb } from "./bench-db";
import { addHosts, addNetwork, addToken, openBenchDb, rawInsertHosts, sqliteRawReads } from "./seed";

/** A fresh SQLite file in a temp folder, migrated by the app's own migrations; close() deletes it. */
export function sqliteBenchDb(): BenchDb {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ipam-api-bench-"));
  const file = path.join(dir, "bench.db");
  const db = openBenchDb(file);
  return {
    engine: "sqlite",
    url: `file:${file}`,
    addNetwork: async (first, cidr, name, family) => addNetwork(db, first, cidr, name, family),
    addHosts: async (networkId, first, count, skip) => addHosts(db, networkId, first, count, skip),
    addToken: async () => addToken(db),
    raw: sqliteRawReads(db),
    rawInsertHosts: async (networkId, hosts) => rawInsertHosts(db, networkId, hosts),
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
