import type { SqliteRestoreTarget } from "./backup-sqlite";

// The messages between a restore and its SQLite thread
// (sqlite-restore-thread.ts, sqlite-restore-worker.ts).

/** The target's methods the thread runs (`insert` crosses as `insertCells`: an array of cells per row, no key per value). */
export type RestoreMethod = Exclude<keyof SqliteRestoreTarget, "tables" | "latestMigration" | "insert">;

export interface RestoreCall { id: number; method: RestoreMethod; args: unknown[] }

/** An error as it crosses threads: its message and SQLite's code (a constraint's name) are what a restore reports. */
export interface ErrorShape { message: string; name: string; code?: string }

export function errorShape(error: unknown): ErrorShape {
  const e = error as { message?: unknown; name?: unknown; code?: unknown } | null;
  return {
    message: typeof e?.message === "string" ? e.message : String(error),
    name: typeof e?.name === "string" ? e.name : "Error",
    ...(typeof e?.code === "string" ? { code: e.code } : {}),
  };
}

export function errorFrom(shape: ErrorShape): Error {
  return Object.assign(new Error(shape.message), { name: shape.name }, shape.code ? { code: shape.code } : {});
}
