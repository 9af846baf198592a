import Database from "better-sqlite3";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// A database file shaped like the original Flask IPAM's ipam.db (SQLAlchemy
// models: networks, hosts), for the flask-ipam importer's tests.

const SCHEMA = `
CREATE TABLE networks (id INTEGER PRIMARY KEY, network VARCHAR(45) NOT NULL, cidr INTEGER NOT NULL, broadcast_address VARCHAR(45),
  name VARCHAR(100), domain VARCHAR(255), vlan_id INTEGER, description TEXT, location VARCHAR(100), created_at DATETIME, updated_at DATETIME);
CREATE TABLE hosts (id INTEGER PRIMARY KEY, ip_address VARCHAR(45) NOT NULL UNIQUE, hostname VARCHAR(255), cname VARCHAR(255),
  mac_address VARCHAR(17), description TEXT, status VARCHAR(20), network_id INTEGER REFERENCES networks(id), last_seen DATETIME,
  discovery_source VARCHAR(50), created_at DATETIME, updated_at DATETIME);`;

type Row = Record<string, string | number | null>;

export function flaskDatabase(networks: Row[], hosts: Row[], options: { wal?: boolean } = {}): Buffer {
  const dir = mkdtempSync(path.join(os.tmpdir(), "flask-ipam-"));
  try {
    const file = path.join(dir, "ipam.db");
    const db = new Database(file);
    if (options.wal) db.pragma("journal_mode = WAL");
    db.exec(SCHEMA);
    const insert = (table: string, row: Row) =>
      db.prepare(`INSERT INTO ${table} (${Object.keys(row).join(", ")}) VALUES (${Object.keys(row).map(() => "?").join(", ")})`).run(...Object.values(row));
    for (const n of networks) insert("networks", { created_at: "2024-01-01 10:00:00.000000", ...n });
    for (const h of hosts) insert("hosts", { created_at: "2024-01-01 10:00:00.000000", ...h });
    if (options.wal) db.pragma("wal_checkpoint(TRUNCATE)");
    db.close();
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
