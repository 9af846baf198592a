import type { Operation } from "@/lib/api/openapi/operation";

export const backupOperations: Operation[] = [
  { method: "get", path: "/backup", tag: "Backup", summary: "Download a backup of the whole database", auth: "admin",
    description: "One JSON Lines file read from one consistent snapshot: a header (format version, app version, schema migration, "
      + "tables with their columns and row counts), one line per row (parents first), and a trailer with the row count and the "
      + "sha256 of the row lines. Restore it into an empty database of either engine with `npm run admin -- restore <file>`.",
    responses: { 200: { schema: null, raw: "application/jsonl", description: "The backup file, streamed (Content-Disposition: attachment)" } } },
];
