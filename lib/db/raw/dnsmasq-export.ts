import "server-only";
import Database from "better-sqlite3";
import type pg from "pg";
import { pgPool } from "@/lib/db/pg-pool";
import { loadEnv, sqlitePath } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { inList, onPostgres } from "./dialect";
import { readRows } from "./read-connection";

// The config exports' host reads (dnsmasq, hosts, ethers, Kea, BIND), rows
// named as the renderers read them: Prisma's row mapping cost more than the
// rendering itself at 100,000 hosts.
//
// The whole-site file (no filter) is one ordered read in address order
// inside one read-only snapshot of its own connection (SQLite: keyset pages
// in a deferred transaction on a read-only connection, which a writer never
// waits for in WAL mode; PostgreSQL: a REPEATABLE READ transaction with a
// server-side cursor), so rows are read once and never held together, and
// the few hosts re-read by id (plugins/export/host-pass.ts) are seen as the
// read saw them.

export interface DnsmasqHostRow {
  id: number;
  ipKey: string;
  ipAddress: string;
  family: number;
  hostname: string | null;
  cname: string | null;
  macAddress: string | null;
  status: string;
  networkId: number | null;
  /** Round-robin DNS: may share its hostname's FQDN with other hosts that allow it too. */
  allowDuplicateName: boolean;
}

const COLUMNS = Prisma.sql`id, ip_key AS "ipKey", ip_address AS "ipAddress", family, hostname, cname, mac_address AS "macAddress", status,
  network_id AS "networkId", allow_duplicate_name AS "allowDuplicateName"`;
const ALL = Prisma.sql`SELECT ${COLUMNS} FROM hosts ORDER BY ip_key`;
const AFTER = Prisma.sql`SELECT ${COLUMNS} FROM hosts WHERE ip_key > ${""} ORDER BY ip_key LIMIT ${0}`;
const byIds = (ids: readonly number[]) => Prisma.sql`SELECT ${COLUMNS} FROM hosts WHERE id IN (${inList(ids, "int")})`;

type RawRow = Omit<DnsmasqHostRow, "allowDuplicateName"> & { allowDuplicateName: unknown };

/** SQLite stores the flag as 0/1, PostgreSQL as a boolean. */
function rows(raw: RawRow[]): DnsmasqHostRow[] {
  for (const r of raw) r.allowDuplicateName = Number(r.allowDuplicateName) === 1;
  return raw as DnsmasqHostRow[];
}

/** Hosts by id on the read connection (committed data; a filtered export, which reads through Prisma). */
export async function dnsmasqHostsById(ids: readonly number[]): Promise<DnsmasqHostRow[]> {
  return ids.length ? rows(await readRows<RawRow>(byIds(ids))) : [];
}

/** Every host in address order from one snapshot, and hosts by id from the same snapshot; close() ends it. */
export interface HostSnapshot {
  batches(size: number): AsyncGenerator<DnsmasqHostRow[]>;
  byIds(ids: readonly number[]): Promise<DnsmasqHostRow[]>;
  close(): Promise<void>;
}

type Cells = [number, string, string, number, string | null, string | null, string | null, string, number | null, unknown];

/** A row of cells (better-sqlite3's raw mode, twice as fast as its row objects) as the renderers read it. */
const fromCells = (c: Cells): DnsmasqHostRow => ({
  id: c[0], ipKey: c[1], ipAddress: c[2], family: c[3], hostname: c[4], cname: c[5], macAddress: c[6], status: c[7], networkId: c[8],
  allowDuplicateName: Number(c[9]) === 1,
});

function sqliteSnapshot(): HostSnapshot {
  const db = new Database(sqlitePath(loadEnv().DATABASE_URL), { fileMustExist: true, readonly: true, timeout: 10_000 });
  db.exec("BEGIN");
  return {
    async *batches(size) {
      // Keyset pages inside the one read transaction: the snapshot of the first page holds for all.
      const page = db.prepare(AFTER.sql).raw(true);
      for (let after = "";;) {
        const cells = page.all(after, size) as Cells[];
        if (cells.length) yield cells.map(fromCells);
        if (cells.length < size) return;
        after = cells[cells.length - 1][1];
      }
    },
    async byIds(ids) {
      if (!ids.length) return [];
      const sql = byIds(ids);
      return rows(db.prepare(sql.sql).all(...sql.values) as RawRow[]);
    },
    async close() {
      if (db.inTransaction) db.exec("COMMIT");
      db.close();
    },
  };
}

async function pgSnapshot(): Promise<HostSnapshot> {
  const client: pg.PoolClient = await pgPool().connect();
  let open = true;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
  return {
    async *batches(size) {
      await client.query(`DECLARE export_hosts NO SCROLL CURSOR FOR ${ALL.text}`);
      for (;;) {
        const result = await client.query<RawRow>(`FETCH FORWARD ${Number(size)} FROM export_hosts`);
        if (result.rows.length) yield rows(result.rows);
        if (result.rows.length < size) break;
      }
      await client.query("CLOSE export_hosts");
    },
    async byIds(ids) {
      if (!ids.length) return [];
      const sql = byIds(ids);
      return rows((await client.query<RawRow>({ text: sql.text, values: sql.values })).rows);
    },
    async close() {
      if (!open) return;
      open = false;
      try {
        await client.query("ROLLBACK");
        client.release();
      } catch (error) {
        client.release(error as Error);
      }
    },
  };
}

export function openHostSnapshot(): Promise<HostSnapshot> {
  return onPostgres() ? pgSnapshot() : Promise.resolve(sqliteSnapshot());
}
