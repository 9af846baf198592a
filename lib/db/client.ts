import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { loadEnv } from "@/lib/env";
import { oneWriterFactory } from "@/lib/db/one-writer-adapter";

// One client per process. Outside production it is kept on globalThis so hot
// reload does not open a new SQLite handle on every edit.
const globalForPrisma = globalThis as unknown as { ipamPrisma?: PrismaClient };

function createClient() {
  const adapter = oneWriterFactory(new PrismaBetterSqlite3({ url: loadEnv().DATABASE_URL, timeout: 10_000 }));
  // Password hashes and token hashes never leave the data layer by accident.
  return new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true }, apiToken: { tokenHash: true } },
  });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export function getDb(): Db {
  globalForPrisma.ipamPrisma ??= createClient() as unknown as PrismaClient;
  return globalForPrisma.ipamPrisma as Db;
}

/** Tests switch databases between files; production never calls this. */
export async function disconnectDb(): Promise<void> {
  await globalForPrisma.ipamPrisma?.$disconnect();
  globalForPrisma.ipamPrisma = undefined;
}
