import "server-only";
import Database from "better-sqlite3";
import pg from "pg";
import type { Tx } from "@/lib/db/client";
import { pgPool } from "@/lib/db/pg-pool";
import { loadEnv, sqlitePath } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { onPostgres } from "./dialect";

// Heavy reads outside a transaction skip Prisma's per-row mapping (5x
// faster on 1M keys) and see only committed data:
// - SQLite: a second, query-only better-sqlite3 connection in WAL mode; its
//   `data_version` is an exact cache stamp.
// - PostgreSQL: the process's pg pool (lib/db/pg-pool), autocommit reads.
//
// Statements are Prisma.sql templates either way: `sql.sql` is the text with
// `?` placeholders (SQLite), `sql.text` with `$n` (PostgreSQL) and
// `sql.values` its parameters, so the same template runs here or through
// `tx.$queryRaw` and no value is ever spliced into the text. This is the one
// place that picks the engine for raw reads; SQL that differs between the
// engines is chosen in ./dialect.

type Statements = Map<string, Database.Statement>;
let reader: { path: string; db: Database.Database; rows: Statements; values: Statements } | undefined;

const isPg = onPostgres;

function connection() {
  const path = sqlitePath(loadEnv().DATABASE_URL);
  if (reader?.path !== path) {
    reader?.db.close();
    const db = new Database(path, { fileMustExist: true, timeout: 10_000 });
    db.pragma("query_only = 1");
    reader = { path, db, rows: new Map(), values: new Map() };
  }
  return reader;
}

/** Tests switch databases; closes the SQLite read connection. */
export function closeReadConnection(): void {
  reader?.db.close();
  reader = undefined;
}

/**
 * Prepared once per text (and per mode: whole rows, or the first column
 * only). The caches are bounded because counts over n ranges have a text per n.
 */
function statement(sql: Prisma.Sql, firstColumn: boolean): Database.Statement {
  const conn = connection();
  const cache = firstColumn ? conn.values : conn.rows;
  const text = sql.sql;
  let stmt = cache.get(text);
  if (!stmt) {
    if (cache.size >= 200) cache.clear();
    stmt = conn.db.prepare(text).pluck(firstColumn);
    cache.set(text, stmt);
  }
  return stmt;
}

// PostgreSQL values as the SQLite reader returns them: int8 (COUNT, SUM) as
// a number, timestamps (stored without zone, in UTC as Prisma writes them)
// as UTC Dates whatever the server's TZ.
const PG_INT8 = 20;
const PG_TIMESTAMP = 1114;
const pgTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === PG_INT8) return (v: string) => Number(v);
    if (oid === PG_TIMESTAMP) return (v: string) => new Date(`${v.replace(" ", "T")}Z`);
    return pg.types.getTypeParser(oid, format ?? "text");
  },
};

async function pgRows<T>(sql: Prisma.Sql): Promise<T[]> {
  const result = await pgPool().query({ text: sql.text, values: sql.values, types: pgTypes as never });
  return result.rows as T[];
}

async function pgColumn<T>(sql: Prisma.Sql): Promise<T[]> {
  const result = await pgPool().query({ text: sql.text, values: sql.values, rowMode: "array", types: pgTypes as never });
  return (result.rows as unknown[][]).map((row) => row[0] as T);
}

/** Changes whenever any other connection commits a write; never changes for our own reads. */
export async function dataVersion(): Promise<string> {
  if (isPg()) {
    // The snapshot names every write transaction in flight and the next id
    // to be assigned: it differs after any commit, and read-only
    // transactions never take an id. (Writes in other databases of the
    // cluster change it too: they only cost a cache refill.)
    const [snapshot] = await pgColumn<string>({ text: "SELECT pg_current_snapshot()::text", values: [] } as unknown as Prisma.Sql);
    return `pg:${snapshot}`;
  }
  const { path, db } = connection();
  return `${path}:${db.pragma("data_version", { simple: true })}`;
}

/** Every row of `sql` on the read connection (committed data only). */
export async function readRows<T>(sql: Prisma.Sql): Promise<T[]> {
  return isPg() ? pgRows<T>(sql) : (statement(sql, false).all(...sql.values) as T[]);
}

/** The first column of every row of `sql` on the read connection. */
export async function readColumn<T>(sql: Prisma.Sql): Promise<T[]> {
  return isPg() ? pgColumn<T>(sql) : (statement(sql, true).all(...sql.values) as T[]);
}

/** The first column of the first row of `sql` on the read connection, or undefined. */
export async function readValue<T>(sql: Prisma.Sql): Promise<T | undefined> {
  return isPg() ? (await pgColumn<T>(sql))[0] : (statement(sql, true).get(...sql.values) as T | undefined);
}

/** The first row of `sql` on the read connection, or undefined. */
export async function readRow<T>(sql: Prisma.Sql): Promise<T | undefined> {
  return isPg() ? (await pgRows<T>(sql))[0] : (statement(sql, false).get(...sql.values) as T | undefined);
}

/** Rows of `sql` inside `tx` (consistent with the caller's writes), or on the read connection without one. */
export function queryRows<T>(tx: Tx | undefined, sql: Prisma.Sql): Promise<T[]> {
  return tx ? tx.$queryRaw<T[]>(sql) : readRows<T>(sql);
}
