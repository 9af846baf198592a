import "server-only";
import Database from "better-sqlite3";
import type { Tx } from "@/lib/db/client";
import { loadEnv, sqlitePath } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";

// Heavy reads outside a transaction go to a second, query-only connection:
// better-sqlite3 is synchronous and avoids Prisma's per-row mapping (5x
// faster on 1M keys), and a separate connection in WAL mode sees only
// committed data, so its `data_version` is an exact cache stamp.
//
// Statements are Prisma.sql templates either way: `sql.sql` is the text with
// `?` placeholders and `sql.values` its parameters, so the same template runs
// here or through `tx.$queryRaw` and no value is ever spliced into the text.

type Statements = Map<string, Database.Statement>;
let reader: { path: string; db: Database.Database; rows: Statements; values: Statements } | undefined;

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

/** Changes whenever any other connection commits; never changes for our own reads. */
export function dataVersion(): string {
  const { path, db } = connection();
  return `${path}:${db.pragma("data_version", { simple: true })}`;
}

/** Every row of `sql` on the read connection (committed data only). */
export function readRows<T>(sql: Prisma.Sql): T[] {
  return statement(sql, false).all(...sql.values) as T[];
}

/** The first column of every row of `sql` on the read connection. */
export function readColumn<T>(sql: Prisma.Sql): T[] {
  return statement(sql, true).all(...sql.values) as T[];
}

/** The first column of the first row of `sql` on the read connection, or undefined. */
export function readValue<T>(sql: Prisma.Sql): T | undefined {
  return statement(sql, true).get(...sql.values) as T | undefined;
}

/** The first row of `sql` on the read connection, or undefined. */
export function readRow<T>(sql: Prisma.Sql): T | undefined {
  return statement(sql, false).get(...sql.values) as T | undefined;
}

/** Rows of `sql` inside `tx` (consistent with the caller's writes), or on the read connection without one. */
export function queryRows<T>(tx: Tx | undefined, sql: Prisma.Sql): Promise<T[]> {
  return tx ? tx.$queryRaw<T[]>(sql) : Promise.resolve(readRows<T>(sql));
}
