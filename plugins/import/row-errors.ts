import type { ZodError } from "zod";
import { AppError, zodFieldErrors } from "@/lib/errors";
import type { ImportReport, RowError } from "@/plugins/import/types";

/** At most this many row errors travel back; `error_count` says how many there were. */
export const MAX_REPORTED_ERRORS = 1000;

export function zodRowErrors(row: number, error: ZodError): RowError[] {
  return Object.entries(zodFieldErrors(error)).flatMap(([field, messages]) => messages.map((message) => ({ row, field, message })));
}

const TABLE_ORDER = { networks: 0, hosts: 1 } as const;

/** In row order; a database import lists its networks' rows before its hosts'. */
export function sortRowErrors(errors: RowError[]): RowError[] {
  const table = (e: RowError) => (e.table ? TABLE_ORDER[e.table] : 0);
  return [...errors].sort((a, b) => table(a) - table(b) || a.row - b.row);
}

/** The 422 for an import with invalid rows: nothing was written. */
export function importValidationError(report: ImportReport): AppError {
  const rows = sortRowErrors(report.errors);
  const first = rows[0];
  const rowCount = new Set(rows.map((e) => `${e.table ?? ""}:${e.row}`)).size;
  return new AppError("validation_error", `${rowCount} row(s) failed validation; nothing was imported. First: row ${first.row}, ${first.field}: ${first.message}`, {
    rows: rows.slice(0, MAX_REPORTED_ERRORS),
    error_count: rows.length,
    created: report.created,
    updated: report.updated,
    skipped: report.skipped,
    // A dry run with repair=true lists what it would repair next to what still fails.
    ...(report.repairs && { repairs: sortRowErrors(report.repairs).slice(0, MAX_REPORTED_ERRORS), repair_count: report.repairs.length }),
  });
}
