import "server-only";
import { databaseEngine, loadEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";

// The SQL fragments that differ between SQLite and PostgreSQL, chosen here
// and nowhere else. Every statement of lib/db/raw is written once with these;
// values stay parameters (only the constant aliases, indexes and types below
// are spliced in). Lists travel as ONE JSON text parameter on both engines,
// so any number of values is one statement (SQLite binds at most 32766).
//
// PostgreSQL infers the type of an untyped parameter from its context, and a
// bare parameter in a select list or VALUES row is text: values that must be
// numbers, flags or timestamps are cast (CAST(? AS INTEGER) is valid on both).

/** True when this process runs on PostgreSQL (DATABASE_URL postgres(ql)://). */
export const onPostgres = (): boolean => databaseEngine(loadEnv().DATABASE_URL) === "postgresql";

export type CellType = "int" | "text" | "bool" | "timestamp";

const PG_TYPE: Record<CellType, string> = { int: "integer", text: "text", bool: "boolean", timestamp: "timestamp(3)" };

/** The elements of `values` as rows of column `value` (and on PostgreSQL their position `n`, from 1). */
function listRows(values: readonly (string | number)[], type: "int" | "text"): Prisma.Sql {
  const json = JSON.stringify(values);
  if (!onPostgres()) return Prisma.sql`SELECT value FROM json_each(${json})`;
  const value = Prisma.raw(type === "int" ? "CAST(e.value AS integer)" : "e.value");
  return Prisma.sql`SELECT ${value} AS value, e.n FROM json_array_elements_text(CAST(${json} AS json)) WITH ORDINALITY AS e(value, n)`;
}

/**
 * A table of the elements of `values`, one row each, the element in column
 * `alias`.value: `FROM ${listTable(ids, "j", "int")} JOIN hosts h ON h.id = j.value`.
 * (A subquery on SQLite too: json_each's own columns, id among them, would
 * clash with the joined table's.)
 */
export function listTable(values: readonly (string | number)[], alias: string, type: "int" | "text"): Prisma.Sql {
  return Prisma.sql`(${listRows(values, type)}) AS ${Prisma.raw(alias)}`;
}

/** `x IN (${inList(ids, "int")})`: the list as one parameter. */
export function inList(values: readonly (string | number)[], type: "int" | "text"): Prisma.Sql {
  return onPostgres() ? Prisma.sql`SELECT l.value FROM ${listTable(values, "l", type)}` : listRows(values, type);
}

/**
 * A table of rows given as a JSON array of arrays (one row per inner
 * array), the row in `alias`.value; read its cells with jsonCell.
 */
export function jsonRows(json: string, alias: string): Prisma.Sql {
  const as = Prisma.raw(alias);
  return onPostgres()
    ? Prisma.sql`json_array_elements(CAST(${json} AS json)) WITH ORDINALITY AS ${as}(value, n)`
    : Prisma.sql`json_each(${json}) AS ${as}`;
}

/**
 * Rows of a join driven by a listTable or jsonRows `alias` in the list's
 * order (then by `then`, constant column names), as SQLite returns them
 * without asking: it drives such joins from the list, in order, with one
 * index probe per element. PostgreSQL may hash-join in any order, so it
 * sorts by position; SQLite gets no ORDER BY (and no sort).
 */
export function inListOrder(alias: string, ...then: string[]): Prisma.Sql {
  return onPostgres() ? Prisma.raw(`ORDER BY ${[`${alias}.n`, ...then].join(", ")}`) : Prisma.empty;
}

/**
 * Cell `index` of a jsonRows row, as a value of `type`. Flags travel as 0/1
 * and dates as ISO text in UTC (storedDate): SQLite stores both as they
 * come; PostgreSQL's boolean and timestamp(3) (no zone, UTC) casts read them.
 */
export function jsonCell(alias: string, index: number, type: CellType): Prisma.Sql {
  return Prisma.raw(onPostgres() ? `CAST(${alias}.value->>${index} AS ${PG_TYPE[type]})` : `json_extract(${alias}.value, '$[${index}]')`);
}

/** How the SQLite adapter stores a DateTime (ISO text, explicit UTC offset), so Prisma reads raw-written rows back unchanged. */
export const storedDate = (d: Date): string => d.toISOString().replace("Z", "+00:00");

/** A Date as a statement parameter that lands in a DateTime column as Prisma would write it. */
export function dateParam(d: Date): Prisma.Sql {
  return onPostgres() ? Prisma.sql`CAST(${d.toISOString()} AS timestamp(3))` : Prisma.sql`${storedDate(d)}`;
}

/** `a ${notEqualOrNull()} b`: true when a and b differ, NULL counting as a value (SQLite's IS NOT). */
export function notEqualOrNull(): Prisma.Sql {
  return Prisma.raw(onPostgres() ? "IS DISTINCT FROM" : "IS NOT");
}

/** An INSERT that skips rows a unique index refuses: `${ignore.verb} INTO t (…) SELECT … ${ignore.suffix}`. */
export function insertIgnoring(): { verb: Prisma.Sql; suffix: Prisma.Sql } {
  return onPostgres()
    ? { verb: Prisma.raw("INSERT"), suffix: Prisma.raw("ON CONFLICT DO NOTHING") }
    : { verb: Prisma.raw("INSERT OR IGNORE"), suffix: Prisma.empty };
}

/**
 * `column` contains `text`, ignoring the case of ASCII letters only, as
 * SQLite's LIKE and lower() do. On PostgreSQL, lower() under COLLATE "C"
 * folds ASCII only too (the database's own collation would fold É to é),
 * so both engines match the same rows. `column` is a constant name.
 */
export function containsAsciiCi(column: string, text: string): Prisma.Sql {
  return onPostgres()
    ? Prisma.sql`strpos(lower(${Prisma.raw(column)} COLLATE "C"), lower(CAST(${text} AS text) COLLATE "C")) > 0`
    : Prisma.sql`instr(lower(${Prisma.raw(column)}), lower(${text})) > 0`;
}

/**
 * `FROM t ${newestFirstScan()}` for "newest first, LIMIT n" under a filter no
 * index serves in id order (a common object type, visibility): SQLite plans
 * its parameters blind and would read the whole of a matching index range,
 * then sort it, instead of walking the primary key backwards until the
 * page is full. PostgreSQL plans with the values and its statistics.
 */
export function newestFirstScan(): Prisma.Sql {
  return onPostgres() ? Prisma.empty : Prisma.raw("NOT INDEXED");
}
