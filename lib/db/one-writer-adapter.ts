import type {
  IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction,
} from "@prisma/driver-adapter-utils";

// better-sqlite3 gives the process one connection. Prisma's adapter queues
// transactions behind a mutex, but runs a statement issued outside a
// transaction straight on that connection, so it lands inside whatever
// transaction is open: it reads that transaction's uncommitted rows (a dry-run
// import's hosts) and its own writes vanish when that transaction rolls back.
// This wrapper makes statements outside a transaction wait their turn too.

/** A FIFO lock: `acquire()` resolves to the function that releases it. */
export class Lock {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const turn = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => held);
    return turn;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

function releasingTransaction(tx: Transaction, release: () => void): Transaction {
  let open = true;
  const end = () => {
    if (open) (open = false, release());
  };
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query: SqlQuery) => tx.queryRaw(query),
    executeRaw: (query: SqlQuery) => tx.executeRaw(query),
    createSavepoint: tx.createSavepoint && ((name: string) => tx.createSavepoint!(name)),
    rollbackToSavepoint: tx.rollbackToSavepoint && ((name: string) => tx.rollbackToSavepoint!(name)),
    releaseSavepoint: tx.releaseSavepoint && ((name: string) => tx.releaseSavepoint!(name)),
    commit: () => tx.commit().finally(end),
    rollback: () => tx.rollback().finally(end),
  };
}

export function oneWriterAdapter(inner: SqlDriverAdapter): SqlDriverAdapter {
  const lock = new Lock();
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query) => lock.run(() => inner.queryRaw(query)),
    executeRaw: (query) => lock.run(() => inner.executeRaw(query)),
    executeScript: (script) => lock.run(() => inner.executeScript(script)),
    getConnectionInfo: inner.getConnectionInfo && (() => inner.getConnectionInfo!()),
    dispose: () => inner.dispose(),
    async startTransaction(isolationLevel?: IsolationLevel) {
      const release = await lock.acquire();
      try {
        return releasingTransaction(await inner.startTransaction(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    },
  };
}

export function oneWriterFactory(inner: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => oneWriterAdapter(await inner.connect()),
  };
}
