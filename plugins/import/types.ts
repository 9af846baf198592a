import { z } from "zod";

// Shapes shared by every importer: the options of POST /api/v1/import/{name},
// the uploaded file, row errors and the report.

export const importTypes = ["networks", "hosts"] as const;
export type ImportType = (typeof importTypes)[number];
export const conflictModes = ["error", "skip", "update"] as const;
export type ConflictMode = (typeof conflictModes)[number];

const bool = z.enum(["true", "false", "1", "0"], { error: "must be true or false" }).transform((v) => v === "true" || v === "1");

/** The query string of POST /api/v1/import/{name}. */
export const importQuery = z.object({
  type: z.enum(importTypes, { error: "type must be networks or hosts" }).optional()
    .meta({ description: "What the file holds; read from the file when omitted (CSV header, JSON export_type)" }),
  dry_run: bool.default(false).meta({ description: "Validate and report without writing anything" }),
  on_conflict: z.enum(conflictModes, { error: "on_conflict must be error, skip or update" }).default("error")
    .meta({ description: "A row whose address (hosts) or prefix (networks) exists: error (422), skip it, or update the stored record" }),
  filename: z.string().max(255).optional().meta({ description: "File name for name=auto when the body is not multipart" }),
  repair: bool.default(false).meta({
    description: "For files from the original app: a hostname, alias or domain that DNS cannot carry (db_01, café, web server), or a name " +
      "another host already has, is cleared and its text kept in the description (\"imported name: db_01\"); each repair is listed in `repairs`",
  }),
});
export type ImportQuery = z.output<typeof importQuery>;

export interface ImportOptions {
  type?: ImportType;
  dryRun: boolean;
  onConflict: ConflictMode;
  /** Clear names DNS cannot carry into the description instead of refusing the row. */
  repair?: boolean;
}

export interface Upload {
  /** The file's name when known (multipart, ?filename=). */
  filename: string | null;
  mediaType: string | null;
  bytes: Buffer;
}

/** `row` points into the file: CSV line (header = 1), JSON array index (from 1), or the old database id. */
export interface RowError {
  row: number;
  field: string;
  message: string;
  /** Only for database imports (flask-ipam), which read two tables. */
  table?: ImportType;
}

/** A value changed so that its row could be imported (repair=true); same addressing as RowError. */
export type RowRepair = RowError;

export interface ImportReport {
  created: number;
  updated: number;
  /** Rows not written: duplicates with on_conflict=skip, and invalid rows with on_conflict=skip. */
  skipped: number;
  errors: RowError[];
  /** Only with repair=true, so reports without it keep the original's shape. */
  repairs?: RowRepair[];
}

export const emptyReport = (): ImportReport => ({ created: 0, updated: 0, skipped: 0, errors: [] });

export function addReports(a: ImportReport, b: ImportReport): ImportReport {
  const sum: ImportReport = { created: a.created + b.created, updated: a.updated + b.updated, skipped: a.skipped + b.skipped, errors: [...a.errors, ...b.errors] };
  if (a.repairs || b.repairs) sum.repairs = [...(a.repairs ?? []), ...(b.repairs ?? [])];
  return sum;
}
