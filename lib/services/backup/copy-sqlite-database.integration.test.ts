import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { hostSchema } from "@/lib/schemas/host";
import { createHosts } from "@/lib/services/hosts/create-hosts";
import { copySqliteDatabase } from "@/lib/services/backup/copy-sqlite-database";
import { admin, freshDatabase, tempBackupPath, usingDatabase } from "@/tests/backup-fixtures";

// `npm run admin -- backup --sqlite <file>`: SQLite's own copy of its file.
// SQLite half only (vitest.pg.config.ts leaves it out): it copies a file.

const copies = Array.from({ length: 4 }, () => tempBackupPath());
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of copies) for (const suffix of ["", "-wal", "-shm"]) rmSync(c.file + suffix, { force: true });
  for (const cleanup of cleanups) await cleanup();
});

/** Starts tests/backup-writer.ts on `url`; resolves once it has committed, with a getter of its count. */
function startWriter(url: string): Promise<{ written: () => number; stop: () => void }> {
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "tests/backup-writer.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let written = 0;
  let errors = "";
  child.stderr.on("data", (c: Buffer) => (errors += c.toString()));
  return new Promise((resolve, reject) => {
    child.on("exit", (code) => reject(new Error(`writer exited (${code}): ${errors}`)));
    child.stdout.on("data", (c: Buffer) => {
      const last = /wrote (\d+)\n$/.exec(c.toString());
      if (last) written = Number(last[1]);
      if (written > 0) resolve({ written: () => written, stop: () => child.kill("SIGTERM") });
    });
  });
}

it("copies a file that passes PRAGMA integrity_check while another process keeps writing", async () => {
  const source = await freshDatabase("sqlite");
  cleanups.push(source.drop);
  // Enough rows that each copy takes a while (~120 ms), so commits land while it runs.
  await usingDatabase(source.url, async () => {
    for (let b = 0; b < 3; b++) {
      await createHosts(admin, Array.from({ length: 10_000 }, (_, i) => hostSchema.parse({ ip_address: `10.${b}.${i >> 8}.${i & 255}`, description: "x".repeat(200) })));
    }
  });
  const writer = await startWriter(source.url);
  cleanups.push(writer.stop);
  const counts: number[] = [];
  for (const { file } of copies) {
    const before = writer.written();
    copySqliteDatabase(file, source.url);
    const db = new Database(file, { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
    counts.push(await usingDatabase(`file:${file}`, () => getDb().host.count()));
    expect(counts.at(-1)).toBeGreaterThanOrEqual(before);
    // Let the writer commit more before the next copy.
    const target = writer.written() + 100;
    while (writer.written() < target) await new Promise((r) => setTimeout(r, 20));
  }
  // Each copy is a later snapshot: the writes ran throughout.
  for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThan(counts[i - 1]);
  writer.stop();
}, 60_000);

it("never overwrites a file", async () => {
  const source = await freshDatabase("sqlite");
  cleanups.push(source.drop);
  expect(() => copySqliteDatabase(copies[0].file, source.url)).toThrow(/already exists/);
});

it("on PostgreSQL says to use the portable backup, without printing the password", () => {
  const attempt = () => copySqliteDatabase("/tmp/never-written.db", "postgresql://ipam:s3cret@db.example:5432/ipam");
  expect(attempt).toThrow(/DATABASE_URL names PostgreSQL: use `npm run admin -- backup <file>`/);
  try {
    attempt();
  } catch (error) {
    expect((error as Error).message).not.toContain("s3cret");
  }
});
