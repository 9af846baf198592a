import { parentPort, workerData } from "node:worker_threads";
import { sqliteTarget, type SqliteRestoreTarget } from "./backup-sqlite";
import { errorShape, type RestoreCall, type RestoreMethod } from "./sqlite-restore-protocol";

// The restore's thread (sqlite-restore-thread.ts starts it): it opens the
// restore's SQLite transaction and runs each call it is sent, in order,
// replying with the result or the error.

const port = parentPort!;

async function serve(target: SqliteRestoreTarget): Promise<void> {
  const methods: Record<RestoreMethod, (...args: never[]) => Promise<unknown>> = {
    isEmpty: target.isEmpty, clear: target.clear, insertCells: target.insertCells, setColumn: target.setColumn,
    suspendTriggers: target.suspendTriggers, rebuildDerived: target.rebuildDerived, discardCaptured: target.discardCaptured,
    restoredPage: target.restoredPage, insertChangeRecords: target.insertChangeRecords,
    insertRestoredCreates: target.insertRestoredCreates, commit: target.commit, rollback: target.rollback,
  };
  // better-sqlite3 is synchronous, so each call finishes before the next
  // message is read; the chain keeps that order should one ever await.
  let queue = Promise.resolve();
  port.on("message", ({ id, method, args }: RestoreCall) => {
    queue = queue.then(async () => {
      try {
        const result = await (methods[method] as (...a: unknown[]) => Promise<unknown>)(...args);
        port.postMessage({ id, result });
      } catch (error) {
        port.postMessage({ id, error: errorShape(error) });
      }
    });
  });
}

// No top-level await: from source, tsx loads this file as CommonJS.
async function start(): Promise<void> {
  try {
    const target = await sqliteTarget((workerData as { url: string }).url);
    port.postMessage({ ready: { tables: target.tables, latestMigration: target.latestMigration } });
    await serve(target);
  } catch (error) {
    port.postMessage({ failed: errorShape(error) });
  }
}

void start();
