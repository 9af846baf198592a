import "server-only";
import { getDb } from "@/lib/db/client";

/** Health check: the database answers a query. */
export async function pingDatabase(): Promise<void> {
  await getDb().$queryRaw`SELECT 1`;
}
