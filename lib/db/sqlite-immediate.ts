import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";

// Prisma's better-sqlite3 adapter opens every transaction with a deferred
// BEGIN: the write lock is taken at the first write, and when another
// process (a second server on the same file, the admin CLI) holds it by
// then, SQLite cannot wait (it would deadlock) and fails at once with
// SQLITE_BUSY. A transaction that takes the lock up front (BEGIN IMMEDIATE)
// waits for the busy timeout instead, and everything it reads is current
// until it commits. The adapter's BEGIN is fixed, so it is swapped for
// BEGIN IMMEDIATE on the same connection before the caller runs anything.

const statement = (sql: string) => ({ sql, args: [], argTypes: [] });

function immediateAdapter(inner: SqlDriverAdapter): SqlDriverAdapter {
  return Object.assign(Object.create(inner) as SqlDriverAdapter, {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: inner.queryRaw.bind(inner),
    executeRaw: inner.executeRaw.bind(inner),
    executeScript: inner.executeScript.bind(inner),
    dispose: inner.dispose.bind(inner),
    getConnectionInfo: inner.getConnectionInfo?.bind(inner),
    async startTransaction(isolationLevel?: Parameters<SqlDriverAdapter["startTransaction"]>[0]) {
      const tx = await inner.startTransaction(isolationLevel);
      try {
        await tx.executeRaw(statement("ROLLBACK"));
        await tx.executeRaw(statement("BEGIN IMMEDIATE"));
        return tx;
      } catch (error) {
        // Busy past the timeout: nothing ran; give the adapter's lock back.
        await tx.rollback();
        throw error;
      }
    },
  });
}

export function immediateWriteFactory(inner: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => immediateAdapter(await inner.connect()),
  };
}
