import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { signInAs } from "@/tests/auth/session";
import { admin, freshDatabase, tempBackupPath, usingDatabase } from "@/tests/backup-fixtures";
import { getDb } from "@/lib/db/client";
import { writeBackupFile } from "@/lib/services/backup/write-backup";
import { restoreBackupFile } from "@/lib/services/backup/restore-backup";

// A backup never carries sign-ins (sessions) or rate-limit counters
// (rate_limits): a file that leaks must not hold a live session, and a
// restore starts with nobody signed in and nobody locked out, on both engines.

useTestDatabase();
const backup = tempBackupPath();
afterAll(() => backup.remove());

async function seedInstanceState() {
  const now = new Date();
  const user = await getDb().user.create({ data: { email: `b${Date.now()}@example.test`, passwordHash: "x", role: "admin", createdAt: now, updatedAt: now } });
  const session = await signInAs(user.id);
  await getDb().rateLimit.create({ data: { key: `login:${user.email}`, hits: 3, windowEndsAt: BigInt(Date.now() + 60_000) } });
  return { user, session };
}

describe("sessions and rate_limits in backup and restore", () => {
  it("are left out of the backup file", async () => {
    const { session } = await seedInstanceState();
    const header = await writeBackupFile(admin, backup.file);
    const names = header.tables.map((t) => t.name);
    expect(names).toContain("users");
    expect(names).not.toContain("sessions");
    expect(names).not.toContain("rate_limits");
    const text = readFileSync(backup.file, "utf8");
    expect(text).not.toContain(session.sessionId);
    expect(text).not.toContain("login:");
  });

  it("are emptied by a forced restore over a live database: everyone is signed out", async () => {
    await seedInstanceState();
    expect(await getDb().session.count()).toBeGreaterThan(0);
    const users = await getDb().user.count();
    await restoreBackupFile(admin, backup.file, { force: true });
    expect(await getDb().session.count()).toBe(0);
    expect(await getDb().rateLimit.count()).toBe(0);
    // The backup's one user is back; the one created after it is gone.
    expect(await getDb().user.count()).toBe(users - 1);
  });

  it("are emptied by a restore into an empty database that already counted failures", async () => {
    const target = await freshDatabase();
    try {
      await usingDatabase(target.url, () => getDb().rateLimit.create({ data: { key: "ip:192.0.2.1", hits: 9, windowEndsAt: BigInt(Date.now() + 60_000) } }));
      await restoreBackupFile(admin, backup.file, { url: target.url });
      expect(await usingDatabase(target.url, async () => [await getDb().rateLimit.count(), await getDb().user.count()])).toEqual([0, 1]);
    } finally {
      await target.drop();
    }
  });
});
