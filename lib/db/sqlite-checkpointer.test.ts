import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { CHECK_MS, checkpointInBackground, FALLBACK_PAGES, type Checkpointer } from "@/lib/db/sqlite-checkpointer";

// The write connection leaves its WAL checkpoints to a worker thread: the WAL
// is copied into the database while the connection goes on committing, and
// the connection takes checkpoints back when the worker fails.

const PAGE = 4096;
let dir: string;
let db: Database.Database;
let checkpointer: Checkpointer | null = null;

function open(): Database.Database {
  dir = mkdtempSync(path.join(os.tmpdir(), "ipam-checkpointer-"));
  const conn = new Database(path.join(dir, "test.db"));
  conn.pragma("journal_mode = WAL");
  conn.exec("CREATE TABLE filler (data BLOB)");
  return conn;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const walBytes = () => statSync(`${db.name}-wal`).size;

afterEach(async () => {
  await checkpointer?.stop();
  checkpointer = null;
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("checkpointInBackground", () => {
  it("keeps the WAL small while the connection itself no longer checkpoints", async () => {
    db = open();
    checkpointer = checkpointInBackground(db);
    expect(checkpointer).not.toBeNull();
    await checkpointer!.ready;
    expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(FALLBACK_PAGES);
    // 48 MiB in 1 MiB commits, under the connection's own 64 MiB threshold:
    // without the worker the WAL would keep every frame and reach 48 MiB.
    const insert = db.prepare("INSERT INTO filler VALUES (randomblob(1048576))");
    for (let i = 0; i < 48; i++) {
      insert.run();
      await pause(CHECK_MS / 2);
    }
    // The WAL started over after the worker's checkpoints: half of 48 MiB leaves room for a slow machine.
    expect(walBytes()).toBeLessThan(24 * 1024 * 1024);
    expect(db.prepare("SELECT COUNT(*) FROM filler").pluck().get()).toBe(48);
  });

  it("gives checkpoints back to the connection when the worker fails", async () => {
    db = open();
    checkpointer = checkpointInBackground(db, path.join(dir, "no-such-module.js"));
    expect(checkpointer).not.toBeNull();
    await expect(checkpointer!.ready).rejects.toThrow(/no-such-module/);
    expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
    // And the connection checkpoints by itself again: 8 MiB of commits leave a WAL of about 1,000 pages.
    const insert = db.prepare("INSERT INTO filler VALUES (randomblob(1048576))");
    for (let i = 0; i < 8; i++) insert.run();
    expect(walBytes()).toBeLessThan(1000 * PAGE + 2 * 1024 * 1024);
  });

  it("leaves an in-memory database alone", () => {
    db = new Database(":memory:");
    dir = mkdtempSync(path.join(os.tmpdir(), "ipam-checkpointer-"));
    expect(checkpointInBackground(db)).toBeNull();
  });
});
