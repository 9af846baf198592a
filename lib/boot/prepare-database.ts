import { loadEnv } from "@/lib/env";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { makePrivateDir } from "@/lib/db/private-files";
import { getAuthSecret } from "@/lib/auth/secret";

/**
 * The part of start-up nothing may be served without: the data folder, the
 * auth secret and the migrations (an upgrade applies new ones). It loads no
 * database client, so `npm start` runs it in the server process itself
 * (scripts/start.ts); prepareInstance runs it first. Returns the migrations
 * it applied.
 */
export async function prepareDatabase(log: (line: string) => void = console.log): Promise<string[]> {
  const env = loadEnv();
  makePrivateDir(env.DATA_DIR); // 700: database, auth secret and backups live here
  getAuthSecret();
  const result = await migrateDatabase(env.DATABASE_URL);
  if (result.applied.length) log(`Applied migrations: ${result.applied.join(", ")}`);
  return result.applied;
}
