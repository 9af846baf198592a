import "server-only";
import { deleteEndedCounters } from "@/lib/db/raw";

// Every key ever seen leaves a row (a guessed email, a client address), so
// rows whose window and lock-out have ended are deleted now and then: at
// most once per PURGE_INTERVAL_MS per process, from a hit, without making
// that hit wait. Several instances each purge; the DELETE is idempotent.
const PURGE_INTERVAL_MS = 10 * 60_000;
let lastPurge = 0;

/** Deletes the counters that have ended by now (they would restart at 1 anyway); returns how many. */
export function purgeEndedRateLimits(now = Date.now()): Promise<number> {
  return deleteEndedCounters(now);
}

/** Starts a purge in the background when the last one is PURGE_INTERVAL_MS old (the first hit of a process waits one interval). */
export function purgeEndedRateLimitsNowAndThen(now: number): void {
  if (lastPurge === 0) lastPurge = now;
  if (now - lastPurge < PURGE_INTERVAL_MS) return;
  lastPurge = now;
  // A failed purge only leaves rows for the next one; the request is not the place to report it.
  purgeEndedRateLimits(now).catch(() => {});
}
