import { mkdirSync } from "node:fs";
import path from "node:path";
import { loadEnv } from "@/lib/env";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { getAuthSecret } from "@/lib/auth/secret";
import { countUsers } from "@/lib/services/users/count-users";
import { createUser } from "@/lib/services/users/create-user";
import { backfillHostNames } from "@/lib/services/hosts/host-names";
import { logAddressSpaceViolations } from "@/lib/services/integrity/log-address-space-violations";

/**
 * Everything `npm start` does before serving: data folder, auth secret,
 * migrations (so an upgrade applies new ones), and the optional pre-created
 * admin for automated installs.
 */
export async function prepareInstance(log: (line: string) => void = console.log): Promise<void> {
  const env = loadEnv();
  mkdirSync(path.resolve(env.DATA_DIR), { recursive: true });
  getAuthSecret();
  const result = await migrateDatabase(env.DATABASE_URL);
  if (result.applied.length) log(`Applied migrations: ${result.applied.join(", ")}`);
  // Databases from before host_names existed get their names indexed once (idempotent).
  await backfillHostNames();
  // Rows written before the address-space rules that break them: listed, never a reason not to start.
  await logAddressSpaceViolations(log);
  if (env.IPAM_ADMIN_EMAIL && env.IPAM_ADMIN_PASSWORD && (await countUsers()) === 0) {
    await createUser(null, { email: env.IPAM_ADMIN_EMAIL, password: env.IPAM_ADMIN_PASSWORD, role: "admin" });
    log(`Created admin ${env.IPAM_ADMIN_EMAIL} from IPAM_ADMIN_EMAIL`);
  }
}
