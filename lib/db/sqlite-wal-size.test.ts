import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { FALLBACK_PAGES } from "@/lib/db/sqlite-checkpointer";
import { useTestDatabase } from "../../tests/db";

// The WAL of the app's write connection (lib/db/sqlite-write-connection.ts)
// goes back to at most 64 MiB once a checkpoint has copied it into the
// database; without journal_size_limit it would keep its largest size for good.

const { file } = useTestDatabase();
const LIMIT = 64 * 1024 * 1024;

describe("the SQLite WAL", () => {
  it("shrinks back to the limit after a transaction larger than it", async () => {
    const db = getDb();
    await db.$executeRawUnsafe(`CREATE TABLE wal_filler (data BLOB)`);
    // 72 MiB in one transaction: the WAL must hold all of it until the commit.
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 72; i++) await tx.$executeRawUnsafe(`INSERT INTO wal_filler VALUES (randomblob(1048576))`);
    });
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(LIMIT);
    // The commit's automatic checkpoint copied the frames back; the next write starts the WAL over and truncates it.
    await db.$executeRawUnsafe(`PRAGMA wal_checkpoint(PASSIVE)`);
    await db.$executeRawUnsafe(`DELETE FROM wal_filler`);
    expect(statSync(`${file}-wal`).size).toBeLessThanOrEqual(LIMIT);
  });

  it("is checkpointed by the worker, the app's write connection only past 64 MiB", async () => {
    const [row] = await getDb().$queryRawUnsafe<Array<{ wal_autocheckpoint: number | bigint }>>("PRAGMA wal_autocheckpoint");
    expect(Number(row.wal_autocheckpoint)).toBe(FALLBACK_PAGES);
  });

  it("keeps the write connection's statement journals in memory, not in a file per statement", async () => {
    const [row] = await getDb().$queryRawUnsafe<Array<{ temp_store: number | bigint }>>("PRAGMA temp_store");
    expect(Number(row.temp_store)).toBe(2); // MEMORY
  });
});
