import "server-only";
import Database from "better-sqlite3";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { legacyNetworkPrefix, toInput } from "@/plugins/import/legacy";
import type { TableImport } from "@/plugins/import/table-import";
import type { ImportType } from "@/plugins/import/types";

// The original Flask IPAM's SQLite file (ipam.db) fed into the bulk
// importers: networks and hosts keyed by their old ids, which is what
// error reports point at.
// The upload is written to a private temp file, opened read-only, deleted.

const SQLITE_MAGIC = "SQLite format 3\0";

/** Columns we carry over when the old table has them; ids and derived columns stay behind. */
const COLUMNS: Record<ImportType, string[]> = {
  // status: only when a later version's database has it (the original's has not: every network imports as active).
  networks: ["network", "cidr", "name", "domain", "vlan_id", "description", "location", "gateway", "dhcp_start", "dhcp_end", "status"],
  hosts: ["ip_address", "hostname", "cname", "mac_address", "description", "status", "last_seen", "discovery_source"],
};

export function isSqliteFile(bytes: Buffer): boolean {
  return bytes.subarray(0, 16).toString("latin1") === SQLITE_MAGIC;
}

function readTable(db: Database.Database, table: ImportType, into: TableImport): void {
  const present = new Set((db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name));
  const columns = COLUMNS[table].filter((c) => present.has(c));
  const rows = db.prepare(`SELECT id, ${columns.map((c) => `"${c}"`).join(", ")} FROM ${table} ORDER BY id`).iterate() as Iterable<Record<string, unknown>>;
  for (const { id, ...record } of rows) {
    const input = toInput(table, Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null && v !== "")));
    into.add(Number(id), table === "networks" ? legacyNetworkPrefix(input) : input);
  }
}

/** A damaged or truncated upload: 422 with SQLite's reason ("database disk image is malformed"), never a 500. */
function unreadable(error: unknown): AppError {
  return new AppError("validation_error", `The database file is damaged and cannot be read: ${(error as Error).message}`);
}

export function readFlaskDatabase(bytes: Buffer, into: Record<ImportType, TableImport>): void {
  if (!isSqliteFile(bytes)) throw new AppError("bad_request", "The file is not a SQLite database (expected the original app's ipam.db)");
  const dir = mkdtempSync(path.join(os.tmpdir(), "ipam-import-"));
  try {
    const file = path.join(dir, "ipam.db");
    writeFileSync(file, bytes, { mode: 0o600 });
    let db: Database.Database;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
    } catch (error) {
      throw unreadable(error);
    }
    try {
      const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
      const missing = (["networks", "hosts"] as const).filter((t) => !tables.has(t));
      if (missing.length) throw new AppError("bad_request", `The database has no ${missing.join(" or ")} table; is it the original app's ipam.db?`);
      readTable(db, "networks", into.networks);
      readTable(db, "hosts", into.hosts);
    } catch (error) {
      // A file with the right header and broken pages fails only when read: SQLite's error is the upload's fault, not ours.
      throw error instanceof Database.SqliteError ? unreadable(error) : error;
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
