import Database from "better-sqlite3";
import { migrateSqlite } from "../../lib/db/migrate";
import { generateToken, hashToken } from "../../lib/auth/token-hash";
import { formatValue, sortKeyOf, type Family } from "../../lib/ipam";
import type { RawReads, SeedHost } from "./bench-db";

// Writes the benchmark database directly with better-sqlite3 prepared
// statements in one transaction (1,000,000 hosts in seconds, not minutes),
// for what is not measured through the app: networks, tokens, and the bulk
// of suites that only read.

const NOW = new Date().toISOString().replace("Z", "+00:00");

export function openBenchDb(file: string): Database.Database {
  migrateSqlite(file);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 10000");
  return db;
}

export function addNetwork(db: Database.Database, first: bigint, cidr: number, name: string, family: Family = 4): number {
  const last = first + 2n ** BigInt((family === 4 ? 32 : 128) - cidr) - 1n;
  const info = db
    .prepare(`INSERT INTO networks (network, cidr, family, start_key, end_key, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(formatValue(family, first), cidr, family, sortKeyOf(family, first), sortKeyOf(family, last), name, NOW, NOW);
  return Number(info.lastInsertRowid);
}

/** Inserts hosts first, first+1, … (count of them) into network `networkId`, skipping `skip`. */
export function addHosts(db: Database.Database, networkId: number, first: bigint, count: number, skip: bigint[] = []): void {
  const insert = db.prepare(
    `INSERT INTO hosts (ip_address, ip_key, family, status, network_id, created_at, updated_at) VALUES (?, ?, 4, 'active', ?, ?, ?)`,
  );
  const skipped = new Set(skip);
  db.transaction(() => {
    let v = first;
    for (let made = 0; made < count; v++) {
      if (skipped.has(v)) continue;
      insert.run(formatValue(4, v), sortKeyOf(4, v), networkId, NOW, NOW);
      made++;
    }
  })();
}

/** An editor token stored the way createApiToken stores it (hash only). */
export function addToken(db: Database.Database): string {
  const token = generateToken();
  db.prepare(`INSERT INTO api_tokens (name, token_hash, token_hint, role, created_at) VALUES ('bench', ?, ?, 'editor', ?)`)
    .run(hashToken(token), token.slice(0, 10), NOW);
  return token;
}

/** The raw reads of bench-db's RawReads on one SQLite connection (prepared once). */
export function sqliteRawReads(db: Database.Database): RawReads {
  const keys = db.prepare("SELECT ip_key FROM hosts WHERE ip_key >= ? AND ip_key <= ? ORDER BY ip_key LIMIT ?").pluck();
  const countMax = db.prepare("SELECT COUNT(*) AS count, MAX(ip_key) AS max FROM hosts WHERE ip_key >= ? AND ip_key <= ?");
  return {
    keys: async (lo, hi, limit) => keys.all(lo, hi, limit) as string[],
    countMax: async (lo, hi) => countMax.get(lo, hi) as { count: number; max: string | null },
  };
}

/**
 * Hosts and their hostname rows inserted two raw ways, each in one transaction
 * that is rolled back: a prepared statement per row, and 5,000 rows per
 * statement unpacked from one JSON text (json_each). Answers the faster's ms.
 */
export function rawInsertHosts(db: Database.Database, networkId: number, hosts: readonly SeedHost[]): number {
  return Math.min(rolledBack(db, () => perRow(db, networkId, hosts)), rolledBack(db, () => perChunk(db, networkId, hosts)));
}

function rolledBack(db: Database.Database, work: () => void): number {
  db.exec("BEGIN IMMEDIATE");
  try {
    const t0 = performance.now();
    work();
    return performance.now() - t0;
  } finally {
    db.exec("ROLLBACK");
  }
}

function perRow(db: Database.Database, networkId: number, hosts: readonly SeedHost[]): void {
  const host = db.prepare(
    `INSERT INTO hosts (ip_address, ip_key, family, hostname, mac_address, status, network_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?)`,
  );
  const name = db.prepare(`INSERT INTO host_names (host_id, fqdn, kind) VALUES (?, ?, 'hostname')`);
  for (const h of hosts) {
    const id = host.run(h.address, h.key, h.family, h.hostname, h.mac, networkId, NOW, NOW).lastInsertRowid;
    name.run(id, h.hostname);
  }
}

const CHUNK = 5000;

function perChunk(db: Database.Database, networkId: number, hosts: readonly SeedHost[]): void {
  const host = db.prepare(
    `INSERT INTO hosts (ip_address, ip_key, family, hostname, mac_address, status, network_id, created_at, updated_at)
     SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, 'active', ?, ?, ? FROM json_each(?)`,
  );
  const name = db.prepare(`INSERT INTO host_names (host_id, fqdn, kind) SELECT h.id, h.hostname, 'hostname' FROM json_each(?) j JOIN hosts h ON h.ip_key = j.value`);
  for (let i = 0; i < hosts.length; i += CHUNK) {
    const part = hosts.slice(i, i + CHUNK);
    host.run(networkId, NOW, NOW, JSON.stringify(part.map((h) => [h.address, h.key, h.family, h.hostname, h.mac])));
    name.run(JSON.stringify(part.map((h) => h.key)));
  }
}
