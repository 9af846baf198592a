import "server-only";
import { existsSync } from "node:fs";
import { copySqliteFile } from "@/lib/db/raw/backup";
import { databaseEngine, loadEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * `backup --sqlite <file>`: the SQLite file itself, copied by `VACUUM INTO`
 * inside one read transaction, so it is consistent (and passes
 * `PRAGMA integrity_check`) while the app goes on writing. Open it with
 * DATABASE_URL=file:<file>. The CLI's alone (no actor): it runs with the
 * server's rights.
 */
export function copySqliteDatabase(file: string, url: string = loadEnv().DATABASE_URL): void {
  if (databaseEngine(url) !== "sqlite") {
    throw new AppError("bad_request", "backup --sqlite copies a SQLite database file, but DATABASE_URL names PostgreSQL: use `npm run admin -- backup <file>` (either engine) or pg_dump");
  }
  if (existsSync(file)) throw new AppError("conflict", `${file} already exists; a backup never overwrites a file`);
  copySqliteFile(url, file);
}
