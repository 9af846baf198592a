import "server-only";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { RestoreTarget, TableShape } from "./backup-values";
import { errorFrom, type ErrorShape, type RestoreCall, type RestoreMethod } from "./sqlite-restore-protocol";

// A SQLite restore writes on a thread of its own (sqlite-restore-worker.ts).
// better-sqlite3 is synchronous: on the restore's thread, a batch's inserts
// (most of a million-host restore) and the parsing and checking of the next
// batch's lines would take turns. Here they overlap, one batch in flight
// (restore-backup.ts), on a machine's second core. The transaction, its
// connection and every statement stay on that one thread.

const WORKER = "sqlite-restore-worker";

// Evaluated as the thread's first code: it loads the worker module, bundled
// (scripts/launch.mjs: `npm run admin`) or from its TypeScript source
// through tsx's loader (tests, which import this file from source).
const LOADER = `
const { workerData } = require("node:worker_threads");
// A module that fails to load rejects unhandled: the thread ends with an "error" event.
void (workerData.tsx
  ? import(workerData.tsx).then(({ tsImport }) => tsImport(workerData.entry, workerData.entry))
  : import(workerData.entry));
`;

/** tsx's ESM API as `import` resolves it (require.resolve gives its CommonJS build, whose tsImport cannot load ESM). */
function tsxEsmApi(from: string): string {
  const manifest = createRequire(from).resolve("tsx/package.json");
  const { exports } = JSON.parse(readFileSync(manifest, "utf8")) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(path.join(path.dirname(manifest), exports["./esm/api"].import.default)).href;
}

function workerModule(): { entry: string; tsx?: string } {
  const here = fileURLToPath(import.meta.url);
  const fromSource = here.endsWith(".ts");
  const entry = pathToFileURL(path.join(path.dirname(here), `${WORKER}${fromSource ? ".ts" : ".mjs"}`)).href;
  return fromSource ? { entry, tsx: tsxEsmApi(here) } : { entry };
}

type Reply = { id: number; result?: unknown; error?: ErrorShape };
type Ready = { ready: { tables: TableShape[]; latestMigration: string | null } } | { failed: ErrorShape };

/** sqliteTarget (backup-sqlite.ts) on the restore's own thread; the thread ends with commit or rollback. */
export async function sqliteTargetOnThread(url: string): Promise<RestoreTarget> {
  const { entry, tsx } = workerModule();
  const worker = new Worker(LOADER, {
    eval: true,
    workerData: { url, entry, tsx },
    // From source, lib code imports "server-only", which is empty under this condition (as in Next's server).
    execArgv: tsx ? ["--conditions=react-server"] : [],
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let failure: Error | undefined;
  let onReady: { resolve: (value: Ready) => void; reject: (error: Error) => void } | undefined;
  const ready = new Promise<Ready>((resolve, reject) => { onReady = { resolve, reject }; });
  const fail = (error: Error) => {
    failure ??= error;
    onReady?.reject(error);
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`The restore's SQLite thread ended (exit code ${code})`)));
  worker.on("message", (message: Reply | Ready) => {
    if ("ready" in message || "failed" in message) return onReady?.resolve(message);
    const call = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) call?.reject(errorFrom(message.error));
    else call?.resolve(message.result);
  });

  let nextId = 0;
  const call = <T>(method: RestoreMethod, ...args: unknown[]): Promise<T> => {
    if (failure) return Promise.reject(failure);
    return new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, method, args } satisfies RestoreCall);
    });
  };
  /** commit or rollback, after which the thread has nothing left to do. */
  const end = async (method: "commit" | "rollback") => {
    try {
      await call(method);
    } finally {
      await worker.terminate();
    }
  };

  const opened = await ready.catch(async (error: Error) => {
    await worker.terminate();
    throw error;
  });
  if ("failed" in opened) {
    await worker.terminate();
    throw errorFrom(opened.failed);
  }
  return {
    tables: opened.ready.tables,
    latestMigration: opened.ready.latestMigration,
    isEmpty: (table) => call("isEmpty", table),
    clear: (tables) => call("clear", tables),
    // Cells in column order: an array per row clones without a key per value.
    insert: (table, columns, rows) => call("insertCells", table, columns, rows.map((row) => columns.map((c) => row[c] ?? null))),
    setColumn: (table, column, rows) => call("setColumn", table, column, rows),
    suspendTriggers: () => call("suspendTriggers"),
    rebuildDerived: () => call("rebuildDerived"),
    discardCaptured: () => call("discardCaptured"),
    restoredPage: (table, after, limit) => call("restoredPage", table, after, limit),
    insertChangeRecords: (records) => call("insertChangeRecords", records),
    insertRestoredCreates: (table, stamp) => call("insertRestoredCreates", table, stamp),
    commit: () => end("commit"),
    rollback: () => end("rollback"),
  };
}
