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

  expect(JSON.parse(backupLines(second)[0])).toEqual(JSON.parse(backupLines(first)[0]));
  expect(backupLines(second)).toEqual(backupLines(first));
  expect(backupLines(third)).toEqual(backupLines(first));
});
