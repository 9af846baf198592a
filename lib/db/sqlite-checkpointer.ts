import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";

// WAL checkpoints on a worker thread with its own connection (issue 15.3).
//
// SQLite checkpoints by default in the commit that brings the WAL past 1,000
// pages: that commit copies the pages into the database and syncs both
// files, on the connection that committed. better-sqlite3 is synchronous, so
// the server's event loop stood still meanwhile: under allocations, every
// ~30th commit took milliseconds, half of all time spent in COMMIT.
//
// Here the write connection leaves checkpoints to a worker, which copies
// what other connections committed every CHECK_MS (a PASSIVE checkpoint:
// never waits for, nor blocks, a reader or a writer). As a side effect,
// with `synchronous = NORMAL` a commit reaches the disk within CHECK_MS
// instead of at the next 1,000-page checkpoint (docs/database.md).
//
// Should the worker stall, the write connection still checkpoints itself
// once the WAL reaches FALLBACK_PAGES; should it fail, at SQLite's default.

/** How often the worker looks for new commits. */
export const CHECK_MS = 100;
/** 64 MiB of 4 KiB pages: the journal_size_limit, so a stalled worker never lets the WAL outgrow it. */
export const FALLBACK_PAGES = 16_384;
const SQLITE_DEFAULT_PAGES = 1000;

// Plain CommonJS evaluated in the worker: nothing to bundle or transpile.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.module);
const db = new Database(workerData.file, { fileMustExist: true, timeout: 0 });
parentPort.postMessage("ready");
let seen = null;
setInterval(() => {
  try {
    // data_version changes when another connection commits, never for our own checkpoint.
    const version = db.pragma("data_version", { simple: true });
    if (version === seen) return;
    seen = version;
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (error) {
    // Busy (another process's checkpoint, a backup): the next round copies it.
    if (error && error.code === "SQLITE_BUSY") seen = null;
    else throw error;
  }
}, workerData.intervalMs);
`;

export interface Checkpointer {
  /** Resolves once the worker has its connection open (rejects if it failed first). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/** better-sqlite3 as this process resolves it (the server bundle leaves it external), or null. */
function betterSqlite3Path(): string | null {
  try {
    return createRequire(path.join(process.cwd(), "package.json")).resolve("better-sqlite3");
  } catch {
    return null;
  }
}

/**
 * Moves `db`'s checkpoints to a worker. Without a file (":memory:") or a
 * worker that cannot start, `db` keeps checkpointing itself. `module` is
 * for tests: the better-sqlite3 the worker loads.
 */
export function checkpointInBackground(db: Database.Database, module = betterSqlite3Path()): Checkpointer | null {
  if (db.memory || module === null) return null;
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module, file: db.name, intervalMs: CHECK_MS } });
  // Never what keeps a finished CLI command alive.
  worker.unref();
  db.pragma(`wal_autocheckpoint = ${FALLBACK_PAGES}`);
  let stopping = false;
  let started!: () => void;
  let failed!: (error: unknown) => void;
  const ready = new Promise<void>((resolve, reject) => ((started = resolve), (failed = reject)));
  ready.catch(() => {}); // a caller that never waits for it must not see an unhandled rejection
  worker.once("message", () => started());
  let gone = false;
  // An error is followed by an exit: handled once.
  const fail = (error: unknown) => {
    failed(error);
    if (stopping || gone) return;
    gone = true;
    if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_PAGES}`);
    console.error("SQLite checkpoints are back on the write connection: their worker failed:", error);
  };
  worker.on("error", fail);
  worker.on("exit", (code) => code !== 0 && fail(new Error(`exit code ${code}`)));
  return {
    ready,
    async stop() {
      stopping = true;
      await worker.terminate();
    },
  };
}
