/** A write that lost a race (unique index) or met another process's write lock: safe to run again. */
export function isRetryableWriteError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; cause?: unknown } | null;
  if (!e) return false;
  if (e.code === "P2002" || e.code === "P2034") return true;
  return /SQLITE_BUSY|database is locked/i.test(String(e.message ?? ""));
}
