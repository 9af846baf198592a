// `node scripts/launch.mjs prune`: apply CHANGELOG_RETENTION_DAYS once, now
// (the running server does it daily; this is for cron or a one-off).
import { EnvError } from "@/lib/env";
import { disconnectDb } from "@/lib/db/client";
import { pruneChanges } from "@/lib/services/changes/prune-changes";

pruneChanges()
  .then(async (n) => {
    console.log(`Pruned ${n} change record(s)`);
    await disconnectDb();
  })
  .catch((error: unknown) => {
    console.error(error instanceof EnvError ? error.message : `Prune failed: ${(error as Error).message}`);
    process.exit(1);
  });
