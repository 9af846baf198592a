import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { authorize } from "@/lib/services/authorize";
import type { ReadFile } from "@/plugins/import/table-import";
import { runImport } from "@/plugins/import/run-import";
import type { ImportOptions, ImportReport } from "@/plugins/import/types";

/** Imports a CSV, JSON or XLSX file: the caller is checked before the file is even read. */
export async function importFile(actor: Actor, read: () => ReadFile | Promise<ReadFile>, options: ImportOptions): Promise<ImportReport> {
  authorize(actor, "editor");
  const { table } = await read();
  return runImport(actor, options, (tx, o) => table.run(tx, o.onConflict));
}
