const DAY_MS = 24 * 60 * 60 * 1000;

const pruneLazily = async () => (await import("@/lib/services/changes/prune-changes")).pruneChanges();

export interface PruningSchedule {
  prune?: () => Promise<number>;
  log?: (line: string) => void;
  intervalMs?: number;
}

/**
 * Change log retention while the app runs: the server process (scripts/serve.ts)
 * prunes once a day, after the prune of start-up (prepareInstance). The pruning
 * code (and its database client) is loaded at the first prune, not at start-up,
 * so an idle server does not carry it. Unref'd: the timer never keeps a process alive.
 * A failed prune is logged and tried again the next day. Returns the stop.
 */
export function scheduleChangePruning({ prune = pruneLazily, log = console.log, intervalMs = DAY_MS }: PruningSchedule = {}): () => void {
  const timer = setInterval(() => {
    prune().then(
      (n) => n && log(`Pruned ${n} change record(s) past the retention`),
      (error: unknown) => console.error(`Change log pruning failed: ${(error as Error).message}`),
    );
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
