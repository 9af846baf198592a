import "server-only";
import { databaseEngine } from "@/lib/env";
import type { BackupSnapshot, RestoreTarget } from "./backup-values";
import { postgresSnapshot, postgresTarget } from "./backup-postgres";
import { sqliteSnapshot, vacuumSqliteInto } from "./backup-sqlite";
import { sqliteTargetOnThread } from "./sqlite-restore-thread";

// The backup's database side (lib/services/backup is the format). Each
// engine reads and writes on a connection of its own, not the app's pool or
// Prisma client: a backup is ONE read transaction held open for minutes, a
// restore ONE write transaction of millions of rows. Both describe the
// tables they find (any table a later migration adds is included without a
// change here) and convert values to and from the portable form
// (./backup-values) so a file written on one engine restores on the other.
// This is the one place that picks the engine for them.

export type { BackupSnapshot, ColumnShape, ColumnType, PortableRow, PortableValue, RestoreTarget, TableShape } from "./backup-values";
export { columnTypes } from "./backup-values";

/** Opens one consistent read snapshot of the database at `url` (close it when done). */
export function openBackupSnapshot(url: string): Promise<BackupSnapshot> {
  return databaseEngine(url) === "postgresql" ? postgresSnapshot(url) : sqliteSnapshot(url);
}

/** Opens one write transaction on the database at `url`; nothing is visible until `commit()`. SQLite's runs on a thread of its own. */
export function openRestoreTarget(url: string): Promise<RestoreTarget> {
  return databaseEngine(url) === "postgresql" ? postgresTarget(url) : sqliteTargetOnThread(url);
}

/** SQLite's own consistent copy of the file (`VACUUM INTO`), readable while others write. */
export function copySqliteFile(url: string, destination: string): void {
  vacuumSqliteInto(url, destination);
}
