import path from "node:path";
import { databaseEngine, EnvError, loadEnv } from "@/lib/env";
import { toAppError } from "@/lib/errors";
import { prepareDatabase } from "@/lib/boot/prepare-database";
import { countUsers } from "@/lib/services/users/count-users";
import { createUser } from "@/lib/services/users/create-user";
import { backfillHostNames } from "@/lib/services/hosts/host-names";
import { recordStrayCaptures } from "@/lib/services/changes/record-stray-captures";
import { logAddressSpaceViolations } from "@/lib/services/integrity/log-address-space-violations";
import { pruneChanges } from "@/lib/services/changes/prune-changes";

/**
 * Everything `npm start` prepares: data folder, auth secret and migrations
 * (prepareDatabase), change-log upkeep, the host-name backfill, and the
 * optional pre-created admin for automated installs. scripts/start.ts says
 * which of it runs before the server listens.
 */
export async function prepareInstance(log: (line: string) => void = console.log): Promise<void> {
  const env = loadEnv();
  await prepareDatabase(log);
  // Writes made by hand in the database while the app was down: into the change log, as direct writes.
  const stray = await recordStrayCaptures();
  if (stray) log(`Recorded ${stray} change(s) made directly in the database`);
  // Retention (CHANGELOG_RETENTION_DAYS): once here, then daily (lib/boot/schedule-change-pruning.ts).
  const pruned = await pruneChanges();
  if (pruned) log(`Pruned ${pruned} change record(s) older than ${env.CHANGELOG_RETENTION_DAYS} days`);
  // Databases from before host_names existed get their names indexed once (idempotent).
  await backfillHostNames();
  // Rows written before the address-space rules that break them: listed, never a reason not to start.
  await logAddressSpaceViolations(log);
  if (databaseEngine(env.DATABASE_URL) === "postgresql" && !env.AUTH_SECRET) {
    // Session cookies are signed with it: instances behind one load balancer must share the key.
    log(`AUTH_SECRET is not set: sessions are signed with ${path.join(env.DATA_DIR, "auth-secret")}. ` +
      "Set the same AUTH_SECRET on every instance that serves this database.");
  }
  if (env.IPAM_ADMIN_EMAIL && env.IPAM_ADMIN_PASSWORD && (await countUsers()) === 0) {
    try {
      await createUser(null, { email: env.IPAM_ADMIN_EMAIL, password: env.IPAM_ADMIN_PASSWORD, role: "admin" });
      log(`Created admin ${env.IPAM_ADMIN_EMAIL} from IPAM_ADMIN_EMAIL`);
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === "validation_error") {
        const [field, messages] = Object.entries(appError.details ?? {})[0] ?? ["password", [appError.message]];
        const variable = field === "email" ? "IPAM_ADMIN_EMAIL" : "IPAM_ADMIN_PASSWORD";
        throw new EnvError(`Invalid environment variable ${variable}: ${(messages as string[])[0]}`);
      }
      // Several instances starting at once on one PostgreSQL: another one created it first.
      if (appError.code !== "conflict" || (await countUsers()) === 0) throw error;
    }
  }
}
