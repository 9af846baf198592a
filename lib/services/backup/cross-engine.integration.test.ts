import { afterAll, expect, it } from "vitest";
import { writeBackupFile } from "@/lib/services/backup/write-backup";
import { restoreBackupFile } from "@/lib/services/backup/restore-backup";
import { authenticateToken } from "@/lib/services/tokens/authenticate-token";
import { verifyCredentials } from "@/lib/services/users/verify-credentials";
import { admin, apiLists, backupLines, freshDatabase, seedEverything, tempBackupPath, usingDatabase } from "@/tests/backup-fixtures";

// The documented way between engines (docs/deployment.md): back up SQLite,
// restore into PostgreSQL, back that up, restore into SQLite. Every list the
// API serves is the same at each step, and the three files hold the same
// rows byte for byte. PostgreSQL half only (vitest.pg.config.ts): it needs
// the run's server for createPgDatabase().

const files = [tempBackupPath(), tempBackupPath(), tempBackupPath()];
const drops: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const f of files) f.remove();
  for (const drop of drops) await drop();
});

async function database(engine: "sqlite" | "postgresql") {
  const db = await freshDatabase(engine);
  drops.push(db.drop);
  return db.url;
}

it("SQLite → PostgreSQL → SQLite keeps every list response, login and token, and every row byte for byte", async () => {
  const [first, second, third] = files.map((f) => f.file);
  const sqliteSource = await database("sqlite");
  const { lists, seeded } = await usingDatabase(sqliteSource, async () => {
    const seeded = await seedEverything("cross-engine");
    const lists = await apiLists();
    await writeBackupFile(admin, first);
    return { lists, seeded };
  });

  const postgres = await database("postgresql");
  await restoreBackupFile(admin, first, { url: postgres });
  await usingDatabase(postgres, async () => {
    expect(await apiLists()).toEqual(lists);
    await writeBackupFile(admin, second);
  });

  const sqliteTarget = await database("sqlite");
  await restoreBackupFile(admin, second, { url: sqliteTarget });
  await usingDatabase(sqliteTarget, async () => {
    expect(await apiLists()).toEqual(lists);
    await writeBackupFile(admin, third);
    expect(await authenticateToken(seeded.token)).toMatchObject({ role: "viewer" });
    expect(await verifyCredentials({ email: seeded.email, password: seeded.password })).toMatchObject({ role: "editor" });
  });

  // Each restore adds its own change records (a create per network, host, user and token) and nothing else.
  expect(headerOf(second)).toEqual(headerOf(first));
  expect(headerOf(third)).toEqual(headerOf(first));
  const byPostgres = restoreRecords(second, first);
  expect(byPostgres.records).toHaveLength(10);
  expect(byPostgres.rows).toEqual(rowLines(first));
  const bySqlite = restoreRecords(third, second);
  expect(bySqlite.records).toHaveLength(10);
  expect(bySqlite.rows).toEqual(rowLines(second));
});

const rowLines = (file: string) => backupLines(file).slice(1, -1);

/** The header without the change log's count (which each restore raises). */
function headerOf(file: string) {
  const header = JSON.parse(backupLines(file)[0]) as { tables: Array<{ name: string; count: number }> };
  return { ...header, tables: header.tables.map((t) => (t.name === "change_log" ? { ...t, count: 0 } : t)) };
}

/** The rows of `file` that `restored` held too, and the others: each must be a change record of the restore. */
function restoreRecords(file: string, restored: string) {
  const before = new Set(rowLines(restored));
  const records = rowLines(file).filter((l) => !before.has(l)).map((l) => JSON.parse(l));
  for (const r of records) expect(r).toMatchObject({ table: "change_log", row: { action: "create", source: "restore" } });
  return { rows: rowLines(file).filter((l) => before.has(l)), records };
}
