// The backup's column types and the portable form of their values, shared
// by both engines' readers and writers (./backup-sqlite, ./backup-postgres).
// Portable values are what JSON carries without loss: integers as numbers,
// 64-bit integers as decimal strings, booleans as true/false, timestamps as
// ISO 8601 UTC with milliseconds ("2026-12-02T06:00:00.000Z"), text as text.

import type { TrackedTableName } from "@/lib/db/change-tracked-tables";
import { COLUMNS as CHANGE_LOG_COLUMNS, type CapturedRow, type ChangeRecordRow } from "./change-log";
import type { RecordStamp } from "./change-log-bulk";

export type ColumnType = "int" | "bigint" | "float" | "text" | "bool" | "datetime";
export const columnTypes = ["int", "bigint", "float", "text", "bool", "datetime"] as const satisfies readonly ColumnType[];

export interface ColumnShape {
  name: string;
  type: ColumnType;
  nullable: boolean;
}

export interface TableShape {
  name: string;
  /** The single-column primary key the rows are paged and ordered by. */
  primaryKey: string;
  columns: ColumnShape[];
  /** Foreign keys: `column` references `table`'s primary key. */
  references: Array<{ column: string; table: string }>;
}

export type PortableValue = string | number | boolean | null;
export type PortableRow = Record<string, PortableValue>;

export interface BackupSnapshot {
  /** Every data table (Prisma's `_prisma_migrations` aside), in no particular order. */
  tables: TableShape[];
  /** The last migration applied to this database (both engines' migrations share names). */
  latestMigration: string | null;
  count(table: TableShape): Promise<number>;
  /** Up to `limit` rows whose primary key follows `after` (from the first without it), in key order. */
  page(table: TableShape, after: PortableValue | undefined, limit: number): Promise<PortableRow[]>;
  close(): Promise<void>;
}

export interface RestoreTarget {
  tables: TableShape[];
  latestMigration: string | null;
  isEmpty(table: TableShape): Promise<boolean>;
  /** Deletes every row of these tables. */
  clear(tables: TableShape[]): Promise<void>;
  /** Inserts rows holding `columns` of `table` (a shape of this database), keeping their ids. */
  insert(table: TableShape, columns: string[], rows: PortableRow[]): Promise<void>;
  /** Sets `column` on rows already inserted: `rows` hold the primary key and the value. */
  setColumn(table: TableShape, column: string, rows: PortableRow[]): Promise<void>;
  /**
   * Turns off, for this transaction, the triggers that keep derived rows: the
   * change capture and the host counts. A restore rebuilds both in bulk
   * (rebuildDerived; insertRestoredCreates, restoredPage) rather than row by row.
   */
  suspendTriggers(): Promise<void>;
  /** Recounts network_counts and host_blocks from the hosts and turns the triggers back on. */
  rebuildDerived(): Promise<void>;
  /** Captures already in change_capture (a stray write's): the replaced database's history goes with it. */
  discardCaptured(): Promise<void>;
  /** Rows of a tracked table with ids above `after`, at most `limit`, in id order, as their insert trigger captures them. */
  restoredPage(table: TrackedTableName, after: number, limit: number): Promise<CapturedRow[]>;
  /** Appends change_log records (new ids, after every restored record). */
  insertChangeRecords(records: readonly ChangeRecordRow[]): Promise<void>;
  /** Appends one "create" record per row of `table`, in id order, stamped `stamp`, built by the database (restoredCreatesSql). */
  insertRestoredCreates(table: "hosts" | "networks", stamp: RecordStamp): Promise<void>;
  /** Moves id sequences past the restored ids, then commits. */
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

// Declared types (SQLite's as Prisma writes them, PostgreSQL's
// information_schema data_type), upper-cased, to portable types. A type not
// listed stops the backup rather than carry a value it would corrupt.
const DECLARED: Record<string, ColumnType> = {
  INTEGER: "int", INT: "int", SMALLINT: "int", BIGINT: "bigint",
  REAL: "float", "DOUBLE PRECISION": "float",
  TEXT: "text", "CHARACTER VARYING": "text",
  BOOLEAN: "bool",
  DATETIME: "datetime", "TIMESTAMP WITHOUT TIME ZONE": "datetime",
};

export function portableType(table: string, column: string, declared: string): ColumnType {
  const type = DECLARED[declared.toUpperCase().replace(/\(.*\)$/, "").trim()];
  if (!type) throw new Error(`Column ${table}.${column} has type ${declared}, which the backup format cannot carry yet (lib/db/raw/backup-values.ts)`);
  return type;
}

/** Identifiers are spliced into SQL text: only plain names, which both engines need no quoting rules for. */
export function quoteIdentifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Refusing the SQL identifier ${JSON.stringify(name)}`);
  return `"${name}"`;
}

const PRISMA_SQLITE_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/;

/**
 * A timestamp as stored by either engine, as ISO UTC: Prisma's SQLite
 * adapter writes "…T…+00:00", SQLite's CURRENT_TIMESTAMP "YYYY-MM-DD HH:MM:SS"
 * (UTC, no zone), older Prisma a number of ms; PostgreSQL's `timestamp`
 * text is "YYYY-MM-DD HH:MM:SS[.fff]" in UTC as Prisma writes it.
 */
export function isoTimestamp(value: string | number): string {
  if (typeof value === "number") return new Date(value).toISOString();
  if (PRISMA_SQLITE_DATE.test(value)) return `${value.slice(0, 23)}Z`;
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(value);
  const date = new Date(zoned ? value : `${value.replace(" ", "T")}Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`Unreadable timestamp ${JSON.stringify(value)}`);
  return date.toISOString();
}

/**
 * Converts rows in place, touching only the columns whose type needs it
 * (ints too when the driver reads a table with bigint columns as BigInts).
 */
export function rowConverter(columns: ColumnShape[], convert: (type: ColumnType, value: unknown) => PortableValue) {
  const bigints = columns.some((c) => c.type === "bigint");
  const special = columns.filter((c) => c.type === "datetime" || c.type === "bool" || c.type === "bigint" || (bigints && c.type === "int"));
  return (row: Record<string, unknown>): PortableRow => {
    for (const c of special) {
      const value = row[c.name];
      if (value !== null && value !== undefined) row[c.name] = convert(c.type, value);
    }
    return row as PortableRow;
  };
}

/** A captured row as either driver returns it (ids may be BigInts, flags 0/1). */
export function capturedRow(r: Record<string, unknown>): CapturedRow {
  return {
    id: Number(r.id), table_name: String(r.table_name), row_id: Number(r.row_id), op: r.op as CapturedRow["op"],
    old_row: (r.old_row as string | null) ?? null, new_row: (r.new_row as string | null) ?? null,
    secret_changed: r.secret_changed === true || Number(r.secret_changed) === 1,
  };
}

/** change_log's column names, in the order portableChangeRecord fills them. */
export const changeLogColumns = CHANGE_LOG_COLUMNS.map(([column]) => column);

/** A change record's values in changeLogColumns' order, dates written by `date`. */
export function changeRecordCells(record: ChangeRecordRow, date: (d: Date) => string): unknown[] {
  return CHANGE_LOG_COLUMNS.map(([, key]) => {
    const value = record[key];
    return value instanceof Date ? date(value) : value;
  });
}

/** A change record as a portable change_log row, for a RestoreTarget's own insert. */
export function portableChangeRecord(record: ChangeRecordRow): PortableRow {
  const cells = changeRecordCells(record, (d) => d.toISOString());
  return Object.fromEntries(changeLogColumns.map((column, i) => [column, cells[i] as PortableValue]));
}
