import { pruneChanges } from "@/lib/services/changes/prune-changes";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PruningSchedule {
  prune?: () => Promise<number>;
  log?: (line: string) => void;
  intervalMs?: number;
}

/**
 * Change log retention while the app runs: `npm start`'s process (scripts/start.ts,
 * alive as long as the server it started) prunes once a day, after the prune of
 * start-up (prepareInstance). Unref'd: the timer never keeps a process alive.
 * A failed prune is logged and tried again the next day. Returns the stop.
 */
export function scheduleChangePruning({ prune = pruneChanges, log = console.log, intervalMs = DAY_MS }: PruningSchedule = {}): () => void {
  const timer = setInterval(() => {
    prune().then(
      (n) => n && log(`Pruned ${n} change record(s) past the retention`),
      (error: unknown) => console.error(`Change log pruning failed: ${(error as Error).message}`),
    );
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
