import type { ConflictMode, ImportReport, RowError } from "@/plugins/import/types";

// Bookkeeping shared by the host and network importers: duplicates inside
// the file and against the database follow on_conflict, and invalid rows
// are either the whole import's failure or (skip) left out and reported.

/** Keys of rows that earlier chunks of the same file planned, with the row of each: duplicates across chunks follow on_conflict too (error or skip: update is never chunked). */
export type EarlierRows = Map<string, number>;

export interface Keyed {
  row: number;
  /** The identity a duplicate shares: the address's sort key, or the prefix. */
  key: string;
  /** The stored record this row updates (on_conflict=update). */
  existingId: number | null;
}

export function applyConflicts<P extends Keyed>(
  items: P[], existing: ReadonlyMap<string, { id: number }>, mode: ConflictMode,
  what: { field: string; label: (p: P) => string }, errors: RowError[], report: ImportReport,
  earlier?: EarlierRows,
): P[] {
  const seen = new Map<string, P>();
  const kept: P[] = [];
  for (const p of items) {
    const first = seen.get(p.key);
    const firstRow = first?.row ?? earlier?.get(p.key);
    if (firstRow !== undefined) {
      if (mode === "skip") report.skipped++;
      else if (first && mode === "update") {
        // The later row wins; it counts as updating what the earlier one wrote.
        Object.assign(first, { ...p, existingId: first.existingId });
        report.updated++;
      } else errors.push({ row: p.row, field: what.field, message: `${what.label(p)} is also on row ${firstRow}` });
      continue;
    }
    seen.set(p.key, p);
    const stored = existing.get(p.key);
    if (stored && mode === "skip") {
      report.skipped++;
      continue;
    }
    if (stored && mode === "error") {
      errors.push({ row: p.row, field: what.field, message: `${what.label(p)} already exists (id ${stored.id})` });
      continue;
    }
    if (stored) p.existingId = stored.id;
    kept.push(p);
  }
  return kept;
}

/**
 * Counts what the valid rows do. Writing happens only when no row failed,
 * or with on_conflict=skip, where failed rows are left out and counted as skipped.
 * `failed`: the rows that failed (default: every row with an error so far).
 */
export function settle<P extends Keyed>(
  items: P[], report: ImportReport, mode: ConflictMode, failed = new Set(report.errors.map((e) => e.row)),
): { kept: P[]; write: boolean } {
  const kept = failed.size ? items.filter((p) => !failed.has(p.row)) : items;
  for (const p of kept) {
    if (p.existingId === null) report.created++;
    else report.updated++;
  }
  if (mode === "skip") report.skipped += failed.size;
  return { kept, write: failed.size === 0 || mode === "skip" };
}
