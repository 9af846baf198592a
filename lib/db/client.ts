import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "@/lib/generated/prisma-pg/client";
import { databaseEngine, loadEnv } from "@/lib/env";
import { oneWriterFactory } from "@/lib/db/one-writer-adapter";
import { immediateWriteFactory } from "@/lib/db/sqlite-immediate";
import { tunedSqliteFactory } from "@/lib/db/sqlite-write-connection";
import { closePgPool, pgAdapterFactory } from "@/lib/db/pg-pool";

// One client per process, on the engine DATABASE_URL names. Outside
// production it is kept on globalThis so hot reload does not open a new
// database handle on every edit.
const globalForPrisma = globalThis as unknown as { ipamPrisma?: PrismaClient };

// Password hashes and token hashes never leave the data layer by accident.
const OMIT = { user: { passwordHash: true }, apiToken: { tokenHash: true } } as const;

function createSqliteClient() {
  const url = loadEnv().DATABASE_URL;
  // Writes take SQLite's lock up front (BEGIN IMMEDIATE) and wait up to 10 s
  // for another process's writer (a second server, the admin CLI); the
  // connection syncs and prepares less (lib/db/sqlite-write-connection.ts).
  const adapter = oneWriterFactory(immediateWriteFactory(tunedSqliteFactory(new PrismaBetterSqlite3({ url, timeout: 10_000 }))));
  return new PrismaClient({ adapter, omit: OMIT });
}

// The PostgreSQL client is generated from the same model (prisma/postgresql
// is derived from prisma/sqlite), so its API is the SQLite client's: the rest
// of the app is written once against that type.
function createPgClient() {
  return new PgPrismaClient({ adapter: pgAdapterFactory(), omit: OMIT }) as unknown as ReturnType<typeof createSqliteClient>;
}

function createClient() {
  return databaseEngine(loadEnv().DATABASE_URL) === "postgresql" ? createPgClient() : createSqliteClient();
}

export type Db = ReturnType<typeof createSqliteClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export function getDb(): Db {
  globalForPrisma.ipamPrisma ??= createClient() as unknown as PrismaClient;
  return globalForPrisma.ipamPrisma as Db;
}

/** The engine this process runs on. */
export function dbEngine(): "sqlite" | "postgresql" {
  return databaseEngine(loadEnv().DATABASE_URL);
}

/** Tests switch databases; production never calls this. */
export async function disconnectDb(): Promise<void> {
  await globalForPrisma.ipamPrisma?.$disconnect();
  globalForPrisma.ipamPrisma = undefined;
  await closePgPool();
}
