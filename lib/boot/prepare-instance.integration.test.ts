import Database from "better-sqlite3";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { overrideEnv } from "@/lib/env";
import { disconnectDb } from "@/lib/db/client";
import { prepareInstance } from "@/lib/boot/prepare-instance";
import { verifyPassword } from "@/lib/auth/password";

// What `npm start` does before serving, on a fresh data folder: create and
// migrate the database, generate the auth secret once, pre-create the admin
// from IPAM_ADMIN_EMAIL/PASSWORD once.

const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), "ipam-boot-")), "data");
const dbFile = path.join(dataDir, "ipam.db");
afterAll(async () => {
  await disconnectDb();
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

describe("prepareInstance", () => {
  it("first start: database, secret and admin; second start: the same secret, no second admin", async () => {
    delete process.env.AUTH_SECRET;
    overrideEnv({ DATA_DIR: dataDir, DATABASE_URL: `file:${dbFile}`, IPAM_ADMIN_EMAIL: "ops@example.test", IPAM_ADMIN_PASSWORD: "first-admin-pw" });
    const lines: string[] = [];
    await prepareInstance((line) => lines.push(line));
    expect(lines.join("\n")).toMatch(/Applied migrations: \d+_init/);
    expect(lines.join("\n")).toContain("Created admin ops@example.test");

    const secretFile = path.join(dataDir, "auth-secret");
    const secret = readFileSync(secretFile, "utf8");
    expect(secret.length).toBeGreaterThanOrEqual(40);
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);

    const users = () => {
      const db = new Database(dbFile, { readonly: true });
      try {
        return db.prepare("SELECT email, role, password_hash FROM users").all() as Array<{ email: string; role: string; password_hash: string }>;
      } finally {
        db.close();
      }
    };
    const [admin] = users();
    expect(admin).toMatchObject({ email: "ops@example.test", role: "admin" });
    expect(admin.password_hash).not.toContain("first-admin-pw");
    expect(await verifyPassword("first-admin-pw", admin.password_hash)).toBe(true);

    const again: string[] = [];
    await prepareInstance((line) => again.push(line));
    expect(again).toEqual([]);
    expect(users()).toHaveLength(1);
    expect(readFileSync(secretFile, "utf8")).toBe(secret);
  });
});
