import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `npm start`, `npm run db:migrate` and `npm run admin` with a bad setting or
// an unreachable database stop before doing anything, with one line that
// names the variable and never the database password (the server path
// itself is the browser tests').

const root = path.resolve(__dirname, "..");
const dataDir = mkdtempSync(path.join(os.tmpdir(), "ipam-start-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// The commands package.json runs (plain node, scripts/launch.mjs).
const COMMANDS = {
  "npm start": ["start"],
  "npm run db:migrate": ["migrate"],
  "npm run admin": ["admin", "user", "create", "--email", "a@example.com", "--password", "long-enough-pw"],
};

function run(command: keyof typeof COMMANDS, env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["scripts/launch.mjs", ...COMMANDS[command]], {
    cwd: root, env: { ...process.env, DATA_DIR: dataDir, ...env }, encoding: "utf8", timeout: 60_000,
  });
  return { code: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

/** A loopback port nothing listens on: connecting is refused at once. */
let closedPort = 0;
beforeAll(async () => {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closedPort = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
});

describe("npm start with a bad environment", () => {
  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ PORT: "0" }, "PORT"],
    [{ DATABASE_URL: "mysql://localhost/ipam" }, "DATABASE_URL"],
  ])("%o stops with one line naming %s", (env, name) => {
    const { code, stderr, stdout } = run("npm start", env);
    expect(code).toBe(1);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`^Invalid environment variable ${name}: `));
    expect(stdout).toBe("");
  });
});

const PASSWORD = "Sw0rdfish-77";

it("npm run db:migrate with an SQLite file it cannot create stops with one line naming DATABASE_URL", () => {
  const notAFolder = path.join(dataDir, "not-a-folder");
  writeFileSync(notAFolder, "");
  const { code, stderr } = run("npm run db:migrate", { DATABASE_URL: `file:${notAFolder}/ipam.db` });
  expect(code).toBe(1);
  expect(stderr).toMatch(new RegExp(`^Cannot connect to the database in DATABASE_URL \\(file:${notAFolder}/ipam\\.db\\): [^\\n]+$`));
});

describe.each(Object.keys(COMMANDS) as Array<keyof typeof COMMANDS>)("%s with a PostgreSQL URL it cannot use", (command) => {
  // Every entry point validates through loadEnv (lib/env.test.ts has the other malformed URLs).
  const malformed: Array<[string, string]> = [["without a host", `postgresql://ipam:${PASSWORD}@/ipam`]];
  if (command === "npm run db:migrate") {
    malformed.push(["without a database", `postgresql://ipam:${PASSWORD}@db.example:5432`]);
    malformed.push(["with a broken %-escape in the password", `postgresql://ipam:${PASSWORD}%zz@db.example/ipam`]);
  }
  it.each(malformed)("a malformed URL (%s) stops it with one line naming DATABASE_URL, without the password", (_, url) => {
    const { code, stderr, stdout } = run(command, { DATABASE_URL: url });
    expect(code).toBe(1);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^Invalid environment variable DATABASE_URL: /);
    expect(stdout + stderr).not.toContain(PASSWORD);
  });

  it("an unreachable server stops it with one line naming DATABASE_URL, without the password", () => {
    // "@" inside the password: the part after it must not leak either.
    const url = `postgresql://ipam:${encodeURIComponent(`x@${PASSWORD}`)}@127.0.0.1:${closedPort}/ipam`;
    const { code, stderr, stdout } = run(command, { DATABASE_URL: url });
    expect(code).toBe(1);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).toBe(`Cannot connect to the database in DATABASE_URL (postgresql://ipam:***@127.0.0.1:${closedPort}/ipam): connect ECONNREFUSED 127.0.0.1:${closedPort}`);
    expect(stdout + stderr).not.toContain(PASSWORD);
  });
});
