import "server-only";
import { createHash } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import packageJson from "@/package.json";
import type { Actor } from "@/lib/auth/roles";
import { openBackupSnapshot, type PortableRow } from "@/lib/db/raw/backup";
import { databaseEngine, loadEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/services/authorize";
import { BACKUP_CONTENT_TYPE, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupHeader } from "@/lib/services/backup/backup-format";
import { orderTables } from "@/lib/services/backup/order-tables";

// Writes the backup file (backup-format.ts) from ONE read snapshot, so it
// is consistent however long it takes while the app goes on writing. Rows
// are read in keyset pages and yielded page by page: memory stays flat
// whatever the table sizes, and a slow reader (a download) slows the reads.

const PAGE_ROWS = 5000;

/** The backup as chunks of whole lines, header first, trailer last. `url`: another database than the app's. */
export async function* backupChunks(url: string = loadEnv().DATABASE_URL): AsyncGenerator<string> {
  const snapshot = await openBackupSnapshot(url);
  try {
    const tables = orderTables(snapshot.tables);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_FORMAT_VERSION,
      app_version: packageJson.version,
      engine: databaseEngine(url),
      migration: snapshot.latestMigration,
      created_at: new Date().toISOString(),
      tables: [],
    };
    for (const t of tables) header.tables.push({ name: t.name, primary_key: t.primaryKey, columns: t.columns, count: await snapshot.count(t) });
    yield `${JSON.stringify(header)}\n`;
    const hash = createHash("sha256");
    let rows = 0;
    for (const table of tables) {
      // The next page is asked for before this one is written out, so the
      // server (PostgreSQL) reads while this process formats and hashes.
      let next: Promise<PortableRow[]> | null = snapshot.page(table, undefined, PAGE_ROWS);
      while (next) {
        const page: PortableRow[] = await next;
        next = page.length === PAGE_ROWS ? snapshot.page(table, page[page.length - 1][table.primaryKey], PAGE_ROWS) : null;
        // Not awaited if the reader stops early (a cancelled download): its failure must not go unhandled.
        next?.catch(() => {});
        let chunk = "";
        for (const row of page) chunk += `${JSON.stringify({ table: table.name, row })}\n`;
        hash.update(chunk);
        rows += page.length;
        yield chunk;
      }
    }
    yield `${JSON.stringify({ end: true, rows, sha256: hash.digest("hex") })}\n`;
  } finally {
    await snapshot.close();
  }
}

/** Admins only: the backup as a download (the route streams `body`). */
export function backupDownload(actor: Actor): { filename: string; contentType: string; body: AsyncIterable<string> } {
  authorize(actor, "admin");
  const stamp = new Date().toISOString().replace(/[:.]/g, "-").replace(/-\d{3}Z$/, "Z");
  return { filename: `ipam-backup-${stamp}.jsonl`, contentType: BACKUP_CONTENT_TYPE, body: backupChunks() };
}

/**
 * Writes the backup to `file` (never over an existing one): first to
 * `file.partial`, renamed when complete, so a failed run leaves no file that
 * looks like a backup. Returns the header (the tables and their counts).
 * `actor` null: the admin CLI, which runs with the server's own rights.
 */
export async function writeBackupFile(actor: Actor | null, file: string, options: { url?: string } = {}): Promise<BackupHeader> {
  if (actor) authorize(actor, "admin");
  if (existsSync(file)) throw new AppError("conflict", `${file} already exists; a backup never overwrites a file`);
  const partial = `${file}.partial`;
  let header: BackupHeader | undefined;
  async function* capture() {
    for await (const chunk of backupChunks(options.url)) {
      header ??= JSON.parse(chunk) as BackupHeader;
      yield chunk;
    }
  }
  try {
    await pipeline(Readable.from(capture()), createWriteStream(partial, { flags: "wx" }));
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return header!;
}
