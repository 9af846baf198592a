import { randomUUID } from "node:crypto";
import pg from "pg";
import { databaseEngine, EnvError, redactDatabaseUrl } from "@/lib/env";
import { databaseUnreachable } from "@/lib/db/database-unreachable";
import { startCluster } from "@/lib/db/pg-cluster";

// A PostgreSQL server and a database on it that exist only while a tool
// needs them (`npm run db:migrate:create`, the schema drift test): the
// migrations are replayed into that database by our own runner, and Prisma's
// engine diffs it against the schema.

/**
 * Runs `fn` with the URL of a server where it may create databases: the one
 * DATABASE_URL names when it is PostgreSQL, else a throwaway local cluster
 * (Debian's postgresql package), stopped afterwards.
 */
export async function withPgServer<T>(databaseUrl: string | undefined, fn: (serverUrl: string) => Promise<T>): Promise<T> {
  if (databaseUrl && databaseEngine(databaseUrl) === "postgresql") return fn(databaseUrl);
  let cluster: Awaited<ReturnType<typeof startCluster>>;
  try {
    cluster = await startCluster();
  } catch (error) {
    throw new Error(
      "The PostgreSQL migration is computed on a PostgreSQL server: set DATABASE_URL=postgresql://… " +
        `(a role that may CREATE DATABASE) or install Debian's postgresql package. (${(error as Error).message.split("\n")[0]})`,
      { cause: error },
    );
  }
  try {
    return await fn(cluster.adminUrl);
  } finally {
    cluster.stop();
  }
}

/** Runs `fn` with the URL of a new, empty database on `serverUrl`'s server, dropped afterwards. */
export async function withScratchDatabase<T>(serverUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `ipam_scratch_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  await admin(serverUrl, `CREATE DATABASE "${name}"`).catch((error: unknown) => {
    if (error instanceof EnvError) throw error;
    throw new Error(
      `Cannot create a scratch database on the server of ${redactDatabaseUrl(serverUrl)}: ${(error as Error).message}. ` +
        "Use a role that may CREATE DATABASE, or unset DATABASE_URL to use a throwaway local server.",
      { cause: error },
    );
  });
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

/** One statement outside a transaction (CREATE/DROP DATABASE cannot run in one). */
async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  await client.connect().catch((error: unknown) => {
    throw databaseUnreachable(serverUrl, error);
  });
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
