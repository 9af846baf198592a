/**
 * A write that lost a race (unique index) or met another process's write
 * lock: safe to run again. Raw inserts report a unique violation as SQLite's
 * message (P2010), and the host writer wraps it in a 409 with the driver's
 * error as `cause`.
 */
export function isRetryableWriteError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; cause?: unknown } | null;
  if (!e) return false;
  if (e.code === "P2002" || e.code === "P2034") return true;
  if (/SQLITE_BUSY|database is locked|UNIQUE constraint failed: hosts\./i.test(String(e.message ?? ""))) return true;
  return e.cause !== undefined && e.cause !== error && isRetryableWriteError(e.cause);
}
