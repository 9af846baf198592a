import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { runAdmin } from "@/tests/cli/run-admin";
import { getDb } from "@/lib/db/client";
import { verifyCredentials } from "@/lib/services/users/verify-credentials";

// `npm run admin -- user …` as users run it (tsx with the react-server
// condition) against this file's own database: the same services and rules
// as /admin/users, the password policy and the last-admin rule included.

const { url } = useTestDatabase();

const admin = (...args: string[]) => runAdmin(url, ...args);

describe("npm run admin -- user", () => {
  it("create without --password prints a generated one alone on the last line; it signs in", async () => {
    const { code, stdout } = admin("user", "create", "--email", "gen@example.test", "--role", "admin");
    expect(code).toBe(0);
    const password = stdout.split("\n").pop()!;
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(await verifyCredentials({ email: "gen@example.test", password })).toMatchObject({ role: "admin" });
  });

  it("refuses a short or common password (exit 1, nothing created)", async () => {
    for (const password of ["short-pw", "QWERTY123456"]) {
      const result = admin("user", "create", "--email", "weak@example.test", "--password", password, "--role", "viewer");
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("validation_error");
    }
    expect(await getDb().user.count({ where: { email: "weak@example.test" } })).toBe(0);
  });

  it("set-role, disable, reset-password, delete; the last admin is kept (409 last_admin)", async () => {
    expect(admin("user", "create", "--email", "root@example.test", "--password", "root-long-secret", "--role", "admin").code).toBe(0);
    await getDb().user.updateMany({ where: { role: "admin", email: { not: "root@example.test" } }, data: { role: "viewer" } });
    expect(admin("user", "create", "--email", "ed@example.test", "--password", "editor-long-secret", "--role", "editor").code).toBe(0);
    expect(admin("user", "set-role", "--email", "ED@example.test", "--role", "viewer").stdout).toContain("ed@example.test is now viewer");
    expect(admin("user", "disable", "--email", "ed@example.test").code).toBe(0);
    expect(await verifyCredentials({ email: "ed@example.test", password: "editor-long-secret" })).toBeNull();
    expect(admin("user", "enable", "--email", "ed@example.test").code).toBe(0);
    const reset = admin("user", "reset-password", "--email", "ed@example.test");
    expect(reset.code).toBe(0);
    expect(await verifyCredentials({ email: "ed@example.test", password: reset.stdout.split("\n").pop()! })).toMatchObject({ role: "viewer" });
    expect(admin("user", "list").stdout).toMatch(/ed@example\.test\tviewer\tactive\tlocal/);

    const last = admin("user", "set-role", "--email", "root@example.test", "--role", "viewer");
    expect(last.code).toBe(1);
    expect(last.stderr).toContain("last_admin");
    expect(admin("user", "delete", "--email", "root@example.test").stderr).toContain("last_admin");
    expect(admin("user", "delete", "--email", "ed@example.test").code).toBe(0);
    expect(admin("user", "delete", "--email", "nobody@example.test").stderr).toContain("not_found");
    expect(admin("user", "frobnicate").code).toBe(2);
  }, 240_000); // thirteen CLI runs, each a tsx start-up
});
