import Database from "better-sqlite3";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateSqlite } from "@/lib/db/migrate";
import { makePrivateDir } from "@/lib/db/private-files";

// The data folder and the SQLite database hold password and token hashes:
// 700 and 600 when the app creates them, whatever the umask; what the
// operator made beforehand keeps its mode.

const work = mkdtempSync(path.join(os.tmpdir(), "ipam-modes-"));
let umask: number;
beforeAll(() => {
  umask = process.umask(0o022); // the common default, under which plain mkdir/open give 755/644
});
afterAll(() => {
  process.umask(umask);
  rmSync(work, { recursive: true, force: true });
});

const mode = (file: string) => statSync(file).mode & 0o777;

describe("migrateSqlite on a fresh install", () => {
  it("creates the data folder (and missing parents) 700 and the database, WAL and shared-memory files 600", () => {
    const file = path.join(work, "fresh", "data", "ipam.db");
    migrateSqlite(file);
    expect(mode(path.join(work, "fresh"))).toBe(0o700);
    expect(mode(path.dirname(file))).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    // SQLite gives the WAL and shared-memory files the database file's mode; they exist while it is open.
    const db = new Database(file);
    try {
      db.prepare(`SELECT count(*) FROM "_prisma_migrations"`).get();
      expect(mode(`${file}-wal`)).toBe(0o600);
      expect(mode(`${file}-shm`)).toBe(0o600);
    } finally {
      db.close();
    }
  });

  it("leaves an existing folder and an existing database file with the operator's modes", () => {
    const dir = path.join(work, "mine");
    mkdirSync(dir, { mode: 0o750 });
    const file = path.join(dir, "ipam.db");
    writeFileSync(file, "", { mode: 0o640 });
    migrateSqlite(file);
    expect(mode(dir)).toBe(0o750);
    expect(mode(file)).toBe(0o640);
  });
});

describe("makePrivateDir", () => {
  it("sets 700 even under a umask that would narrow it, and touches no folder that existed", () => {
    const parent = path.join(work, "parent");
    mkdirSync(parent, { mode: 0o755 });
    process.umask(0o277);
    try {
      makePrivateDir(path.join(parent, "a", "b"));
    } finally {
      process.umask(0o022);
    }
    expect(mode(path.join(parent, "a"))).toBe(0o700);
    expect(mode(path.join(parent, "a", "b"))).toBe(0o700);
    expect(mode(parent)).toBe(0o755);
  });
});
