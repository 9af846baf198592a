import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { readValue } from "./read-connection";

/** How long the health check waits for an answer: a load balancer's probe must not hang on a lost server. */
const PING_TIMEOUT_MS = 5_000;

/**
 * Health check: the database answers a query, within PING_TIMEOUT_MS. On the
 * read connection (SQLite's query-only one, PostgreSQL's pool), so a long
 * write transaction does not make the instance look down.
 */
export async function pingDatabase(): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("The database did not answer in time")), PING_TIMEOUT_MS);
  });
  try {
    await Promise.race([readValue(Prisma.sql`SELECT 1`), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
