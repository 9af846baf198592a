import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import { authorize } from "@/lib/services/authorize";
import { withChangeContext } from "@/lib/services/changes/change-context";
import { startRecordingChanges } from "@/lib/services/changes/record-changes";
import { importValidationError } from "@/plugins/import/row-errors";
import type { ImportOptions, ImportReport } from "@/plugins/import/types";

// Every import is one transaction: a 422 (or anything thrown) rolls back all
// of it. A dry run does the very same work and then rolls back, so its
// report is exactly what the real import would say.

class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super("dry run");
  }
}

// 100,000 rows take seconds, far beyond Prisma's 5 s default.
const LIMITS = { maxWait: 60_000, timeout: 15 * 60_000 };

export type ImportWork = (tx: Tx, options: ImportOptions) => Promise<ImportReport>;

/** Throws the 422 when rows failed and on_conflict is not skip. */
export function assertImportable(report: ImportReport, options: ImportOptions): ImportReport {
  if (report.errors.length && options.onConflict !== "skip") throw importValidationError(report);
  return report;
}

export async function runImport(actor: Actor, options: ImportOptions, work: ImportWork): Promise<ImportReport> {
  authorize(actor, "editor");
  try {
    // Every record of one import shares the request's id, with source "import".
    return await withChangeContext({ source: "import" }, () => getDb().$transaction(async (tx) => {
      const changes = await startRecordingChanges(tx);
      const report = assertImportable(await work(tx, options), options);
      if (options.dryRun) throw new DryRunRollback(report);
      await changes.record(actor);
      return report;
    }, LIMITS));
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report;
    throw error;
  }
}
