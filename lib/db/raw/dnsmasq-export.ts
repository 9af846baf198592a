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
// read saw them. It reads only hosts that can be published (a status the
// caller names, and a hostname): every config renderer passes over the
// others without a word (planHost answers null), and at 100,000 hosts each
// row not turned into a JS object is ~2 µs saved. The status and hostname
// tests are written so that SQLite keeps walking the ip_key index (`+column`
// hides a column's own index) instead of sorting by its status index.

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

// Not ip_key: the order needs it, the renderers do not (a 34-character string a row less).
const COLUMNS = Prisma.sql`id, ip_address AS "ipAddress", family, hostname, cname, mac_address AS "macAddress", status,
  network_id AS "networkId", allow_duplicate_name AS "allowDuplicateName"`;
/** `status IN (…) AND hostname <> ''` (NULL fails `<>` too), as literals: the statuses are the renderers' constant list, never input. */
function published(statuses: readonly string[], hideIndexes: boolean): string {
  const col = (name: string) => (hideIndexes ? `+${name}` : name);
  const list = statuses.map((s) => {
    if (!/^[a-z]+$/.test(s)) throw new Error(`not a host status: ${s}`);
    return `'${s}'`;
  });
  return `${col("status")} IN (${list.join(", ")}) AND ${col("hostname")} <> ''`;
}
const all = (statuses: readonly string[]) => `SELECT ${COLUMNS.text} FROM hosts WHERE ${published(statuses, false)} ORDER BY ip_key`;
// The page after the row with id `?` (none: from the start), in the snapshot that row was read in.
const after = (statuses: readonly string[]) =>
  `SELECT ${COLUMNS.sql} FROM hosts WHERE ip_key > coalesce((SELECT ip_key FROM hosts WHERE id = ?), '') AND ${published(statuses, true)} ORDER BY ip_key LIMIT ?`;
const byIds = (ids: readonly number[]) => Prisma.sql`SELECT ${COLUMNS} FROM hosts WHERE id IN (${inList(ids, "int")})`;

/** A host as the config renderers read it: the row without its sort key. */
export type ExportHostRow = Omit<DnsmasqHostRow, "ipKey">;

type RawRow = Omit<ExportHostRow, "allowDuplicateName"> & { allowDuplicateName: unknown };

/** SQLite stores the flag as 0/1, PostgreSQL as a boolean. */
function rows(raw: RawRow[]): ExportHostRow[] {
  for (const r of raw) r.allowDuplicateName = Number(r.allowDuplicateName) === 1;
  return raw as ExportHostRow[];
}

/** Hosts by id on the read connection (committed data; a filtered export, which reads through Prisma). */
export async function dnsmasqHostsById(ids: readonly number[]): Promise<ExportHostRow[]> {
  return ids.length ? rows(await readRows<RawRow>(byIds(ids))) : [];
}

/** Every host in address order from one snapshot, and hosts by id from the same snapshot; close() ends it. */
export interface HostSnapshot {
  batches(size: number): AsyncGenerator<ExportHostRow[]>;
  byIds(ids: readonly number[]): Promise<ExportHostRow[]>;
  close(): Promise<void>;
}

type Cells = [number, string, number, string | null, string | null, string | null, string, number | null, unknown];

/** A row of cells (better-sqlite3's raw mode, twice as fast as its row objects) as the renderers read it. */
const fromCells = (c: Cells): ExportHostRow => ({
  id: c[0], ipAddress: c[1], family: c[2], hostname: c[3], cname: c[4], macAddress: c[5], status: c[6], networkId: c[7],
  allowDuplicateName: Number(c[8]) === 1,
});

function sqliteSnapshot(statuses: readonly string[]): HostSnapshot {
  const db = new Database(sqlitePath(loadEnv().DATABASE_URL), { fileMustExist: true, readonly: true, timeout: 10_000 });
  db.exec("BEGIN");
  return {
    async *batches(size) {
      // Keyset pages inside the one read transaction: the snapshot of the first page holds for all.
      const page = db.prepare(after(statuses)).raw(true);
      for (let afterId = -1; ;) {
        const cells = page.all(afterId, size) as Cells[];
        if (cells.length) yield cells.map(fromCells);
        if (cells.length < size) return;
        afterId = cells[cells.length - 1][0];
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

async function pgSnapshot(statuses: readonly string[]): Promise<HostSnapshot> {
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
      await client.query(`DECLARE export_hosts NO SCROLL CURSOR FOR ${all(statuses)}`);
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

/** A snapshot of the hosts with one of `statuses` and a hostname (the only ones a config file can name). */
export function openHostSnapshot(statuses: readonly string[]): Promise<HostSnapshot> {
  return onPostgres() ? pgSnapshot(statuses) : Promise.resolve(sqliteSnapshot(statuses));
}
