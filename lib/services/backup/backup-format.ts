import { z } from "zod";
import { columnTypes, type ColumnShape, type ColumnType } from "@/lib/db/raw/backup";

// The backup file: JSON Lines, UTF-8, one JSON value per line.
//   line 1      header: format, version, app and schema versions, the tables
//               (parent before child) with their columns and row counts
//   lines 2..n  one row each, {"table": …, "row": {column: value}}, table by
//               table in header order, rows in primary-key order
//   last line   trailer: the number of rows and the sha256 of lines 2..n
//               (each with its "\n"), so a truncated or edited file is refused
// Bump BACKUP_FORMAT_VERSION when a reader of the old version would misread
// a new file; a reader refuses versions it does not know.

export const BACKUP_FORMAT = "ipam-backup";
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_CONTENT_TYPE = "application/jsonl; charset=utf-8";

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be a plain SQL name");

const columnSchema = z.strictObject({ name: identifier, type: z.enum(columnTypes), nullable: z.boolean() });

export const backupTableSchema = z.strictObject({
  name: identifier,
  primary_key: identifier,
  columns: z.array(columnSchema).min(1),
  count: z.number().int().min(0),
});

export const backupHeaderSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_FORMAT_VERSION),
  app_version: z.string(),
  /** The engine the backup was read from (information only: it restores on either). */
  engine: z.enum(["sqlite", "postgresql"]),
  /** The last migration of the source: the target must be at the same one. */
  migration: z.string().nullable(),
  created_at: z.iso.datetime(),
  tables: z.array(backupTableSchema),
});

export const backupTrailerSchema = z.strictObject({
  end: z.literal(true),
  rows: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export type BackupHeader = z.infer<typeof backupHeaderSchema>;
export type BackupTable = z.infer<typeof backupTableSchema>;
export type BackupTrailer = z.infer<typeof backupTrailerSchema>;

const values: Record<ColumnType, z.ZodType> = {
  int: z.number().int().min(-(2 ** 31)).max(2 ** 31 - 1),
  bigint: z.string().regex(/^-?\d{1,19}$/),
  float: z.number(),
  text: z.string(),
  bool: z.boolean(),
  datetime: z.iso.datetime({ precision: 3 }),
};

const valueSchema = (c: ColumnShape) => (c.nullable ? values[c.type].nullable() : values[c.type]);

/** One data line of `table`: exactly its columns, each of its type (null only where the column allows it). */
export function backupLineSchema(table: BackupTable) {
  const row = z.strictObject(Object.fromEntries(table.columns.map((c) => [c.name, valueSchema(c)])));
  return z.strictObject({ table: z.literal(table.name), row });
}
