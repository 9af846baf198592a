import type { Actor } from "@/lib/auth/roles";
import type { ExporterName, ImporterName } from "@/plugins/define-plugin";
import { exporter, importer } from "@/plugins/registry";
import type { ConflictMode, ImportReport, ImportType } from "@/plugins/import/types";

// Calls plugins the way the routes do, minus HTTP: for tests that are about
// the data (round trips, atomicity) rather than the endpoints.

export async function exportText(actor: Actor, name: ExporterName, params: Record<string, string> = {}): Promise<string> {
  const download = await exporter(name).run({ actor, params: new URLSearchParams(params) });
  let text = "";
  for await (const chunk of download.body) text += chunk;
  return text;
}

/** A binary download (XLSX, .tar.gz) as one Buffer. */
export async function exportBytes(actor: Actor, name: ExporterName, params: Record<string, string> = {}): Promise<Buffer> {
  const download = await exporter(name).run({ actor, params: new URLSearchParams(params) });
  const chunks: Buffer[] = [];
  for await (const chunk of download.body) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export function importText(
  actor: Actor, name: ImporterName, content: string | Buffer,
  options: { type?: ImportType; dryRun?: boolean; onConflict?: ConflictMode; filename?: string } = {},
): Promise<ImportReport> {
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  return importer(name).run({
    actor,
    upload: { filename: options.filename ?? null, mediaType: null, bytes },
    options: { type: options.type, dryRun: options.dryRun ?? false, onConflict: options.onConflict ?? "error" },
  });
}
