import "server-only";
import { loadEnv } from "@/lib/env";
import { getDb } from "@/lib/db/client";
import { pruneChangeLog } from "@/lib/db/raw/change-log-queries";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Retention (CHANGELOG_RETENTION_DAYS; 0 keeps everything): deletes the
 * records older than the cutoff, except, for each object that still exists,
 * its create record and its latest record, so its history still starts at
 * its creation and its last diff still shows what it became. Objects gone
 * for longer than the retention leave nothing. Runs at start-up
 * (prepareInstance) and daily (scheduleChangePruning). Returns how many went.
 */
export async function pruneChanges(now: Date = new Date()): Promise<number> {
  const days = loadEnv().CHANGELOG_RETENTION_DAYS;
  if (days === 0) return 0;
  return pruneChangeLog(getDb(), new Date(now.getTime() - days * DAY_MS));
}
