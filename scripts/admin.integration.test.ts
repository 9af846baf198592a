import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { runAdmin } from "@/tests/cli/run-admin";
import { authenticateToken } from "@/lib/services/tokens/authenticate-token";
import { verifyCredentials } from "@/lib/services/users/verify-credentials";

// The admin CLI as users run it (`npm run admin -- …` is tsx with the
// react-server condition), against this file's own database.

const { url } = useTestDatabase();

const admin = (...args: string[]) => runAdmin(url, ...args);

describe("npm run admin", () => {
  it("token create prints the token alone on the last line, and it authenticates with that role", async () => {
    const { code, stdout } = admin("token", "create", "--name", "ansible", "--role", "editor");
    expect(code).toBe(0);
    const token = stdout.split("\n").pop()!;
    expect(token).toMatch(/^ipam_[A-Za-z0-9_-]{43}$/);
    expect(await authenticateToken(token)).toMatchObject({ kind: "token", name: "ansible", role: "editor" });
  });
  it("token create --read-only --cidr makes a read-only token usable only from those networks", async () => {
    const { code, stdout } = admin("token", "create", "--name", "monitor", "--role", "viewer", "--read-only", "--cidr", "10.0.0.0/8", "--cidr", "2001:DB8::/32");
    expect(code).toBe(0);
    const token = stdout.split("\n").pop()!;
    expect(await authenticateToken(token, "10.1.2.3")).toMatchObject({ role: "viewer", readOnly: true });
    expect(await authenticateToken(token, "2001:db8::1")).toMatchObject({ role: "viewer" });
    expect(await authenticateToken(token, "192.0.2.1")).toBeNull();
    expect(await authenticateToken(token, null)).toBeNull();
    expect(admin("token", "create", "--name", "x", "--role", "viewer", "--cidr", "10.0.0.1/8").stderr).toContain("validation_error");
  });
  it("user create makes a user who can sign in", async () => {
    const { code, stdout } = admin("user", "create", "--email", "Ops@Example.com", "--password", "long-secret-1", "--role", "viewer");
    expect(code).toBe(0);
    expect(stdout).toContain("viewer ops@example.com");
    expect(await verifyCredentials({ email: "ops@example.com", password: "long-secret-1" })).toMatchObject({ role: "viewer" });
  });
  it("--help, -h and help print the usage and exit 0, without a stack trace or a database", () => {
    for (const args of [["--help"], ["-h"], ["help"], ["user", "--help"]]) {
      const result = runAdmin("postgresql://nobody@127.0.0.1:1/none", ...args);
      expect({ args, code: result.code }).toEqual({ args, code: 0 });
      expect(result.stdout).toContain("usage:");
      expect(result.stdout).toContain("npm run admin -- token create");
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
  it("exits non-zero with a message on bad input", () => {
    const badRole = admin("token", "create", "--name", "x", "--role", "root");
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain("validation_error");
    const usage = admin("frobnicate");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("usage:");
  });
});
