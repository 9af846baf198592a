import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { apiLists, freshDatabase, seedEverything, tempBackupPath, usingDatabase } from "@/tests/backup-fixtures";

// `npm run admin -- backup|restore` as operators run them, on either engine.

const { url, engine } = useTestDatabase();
const file = tempBackupPath();
afterAll(() => file.remove());
beforeAll(() => seedEverything("cli"));

function admin(databaseUrl: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ["scripts/launch.mjs", "admin", ...args], {
    cwd: path.resolve(__dirname, ".."),
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout.trimEnd(), stderr: result.stderr };
}

describe("npm run admin -- backup / restore", () => {
  it("--help and no arguments print the usage, without a stack trace", () => {
    for (const args of [["--help"], ["-h"], []]) {
      const { code, stdout, stderr } = admin(url, ...args);
      expect(code).toBe(0);
      expect(stdout).toContain("npm run admin -- restore <file> [--force]");
      expect(stderr).toBe("");
    }
    const unknown = admin(url, "backup", "--nope", file.file);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("usage:");
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  });

  it("backs up, refuses to restore over data without --force, restores into an empty database", async () => {
    const backup = admin(url, "backup", file.file);
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up change_log 10, networks 3, hosts 5, host_names \d+, users 1, api_tokens 1 to /);

    const refused = admin(url, "restore", file.file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^conflict: The database is not empty .* pass --force/);

    const expected = await apiLists();
    const target = await freshDatabase();
    try {
      const restored = admin(target.url, "restore", file.file);
      expect(restored.stderr).toBe("");
      expect(restored.stdout).toMatch(/^Restored change_log 10, networks 3, hosts 5, .* \(app \d+\.\d+\.\d+, (sqlite|postgresql), /);
      await usingDatabase(target.url, async () => expect(await apiLists()).toEqual(expected));
      expect(admin(target.url, "restore", file.file, "--force").code).toBe(0);
    } finally {
      await target.drop();
    }
  });

  it("backup --sqlite copies a SQLite file, and on PostgreSQL says what to use instead", () => {
    const copy = tempBackupPath();
    try {
      const result = admin(url, "backup", "--sqlite", copy.file);
      if (engine === "sqlite") {
        expect(result).toMatchObject({ code: 0, stderr: "" });
        expect(existsSync(copy.file)).toBe(true);
      } else {
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/^bad_request: backup --sqlite copies a SQLite database file, but DATABASE_URL names PostgreSQL/);
        expect(existsSync(copy.file)).toBe(false);
      }
    } finally {
      copy.remove();
    }
  });
});
