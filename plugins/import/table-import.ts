import type { Tx } from "@/lib/db/client";
import type { ConflictMode, ImportReport, ImportType, RowError } from "@/plugins/import/types";

/**
 * One table's import, fed row by row as a file is read: each row passes the
 * shared schema at once, so the raw record is garbage before the next is
 * read (a 100,000-row file never exists twice in memory). `run` then does
 * the checks against the database and the writes, in the caller's transaction.
 * With repair=true a wrapper (repairing-import.ts) repairs each row first;
 * for hosts it holds the rows until `run`, where their domains are known.
 */
export interface TableImport {
  add(row: number, input: Record<string, unknown>): void;
  /** A row the reader could not even turn into fields (bad quoting, wrong cell count). */
  fail(error: RowError): void;
  run(tx: Tx, mode: ConflictMode): Promise<ImportReport>;
}

/** A file read into its table: what the CSV and JSON readers return. */
export interface ReadFile {
  type: ImportType;
  table: TableImport;
}
