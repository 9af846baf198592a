import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openRestoreTarget, type PortableRow, type TableShape } from "@/lib/db/raw/backup";
import { sqlitePath } from "@/lib/env";
import { freshDatabase } from "@/tests/backup-fixtures";

// A SQLite restore's statements run on a thread of their own
// (sqlite-restore-thread.ts): the caller parses the next batch meanwhile.
// The restore tests (lib/services/backup, tests/changes) cover what it
// writes; these cover the thread itself.

let drops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const drop of drops) await drop();
  drops = [];
});

async function sqliteDatabase(): Promise<string> {
  const db = await freshDatabase("sqlite");
  drops.push(db.drop);
  return db.url;
}

/** `count` users rows, every column filled from its type (emails unique). */
function userRows(users: TableShape, first: number, count: number): PortableRow[] {
  return Array.from({ length: count }, (_, k) => {
    const id = first + k;
    return Object.fromEntries(users.columns.map((c) => {
      if (c.name === users.primaryKey) return [c.name, id];
      if (c.nullable) return [c.name, null];
      if (c.type === "text") return [c.name, c.name === "role" ? "viewer" : `${c.name}-${id}@example.org`];
      if (c.type === "bool") return [c.name, false];
      if (c.type === "datetime") return [c.name, "2026-01-01T00:00:00.000Z"];
      return [c.name, 0];
    }));
  });
}

const userCount = (url: string) => {
  const db = new Database(sqlitePath(url), { readonly: true });
  try {
    return db.prepare("SELECT COUNT(*) FROM users").pluck().get();
  } finally {
    db.close();
  }
};

describe("the SQLite restore's thread", () => {
  it("inserts a batch while the caller's event loop goes on turning, and commits it", async () => {
    const url = await sqliteDatabase();
    const target = await openRestoreTarget(url);
    const users = target.tables.find((t) => t.name === "users")!;
    const rows = userRows(users, 1, 20_000);
    let turns = 0;
    let inserting = true;
    const turn = () => {
      turns++;
      if (inserting) setImmediate(turn);
    };
    setImmediate(turn);
    await target.insert(users, users.columns.map((c) => c.name), rows);
    inserting = false;
    // On the caller's thread, the insert would finish before the loop turned once.
    expect(turns).toBeGreaterThan(5);
    expect(userCount(url)).toBe(0);
    await target.commit();
    expect(userCount(url)).toBe(20_000);
  });

  it("rejects a row the database refuses with SQLite's message and code, then rolls back", async () => {
    const url = await sqliteDatabase();
    const target = await openRestoreTarget(url);
    const users = target.tables.find((t) => t.name === "users")!;
    const columns = users.columns.map((c) => c.name);
    await target.insert(users, columns, userRows(users, 1, 3));
    const refused = target.insert(users, columns, userRows(users, 3, 2));
    await expect(refused).rejects.toThrow(/UNIQUE constraint failed: users\.id/);
    await expect(refused).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT_PRIMARYKEY" });
    await target.rollback();
    expect(userCount(url)).toBe(0);
  });

  it("says why when it cannot open the database", async () => {
    await expect(openRestoreTarget("file:/nonexistent-ipam-dir/ipam.db")).rejects.toThrow(/directory does not exist|unable to open/);
  });
});
