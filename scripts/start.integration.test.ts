import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// `npm start` with a bad setting stops before doing anything, with one line
// that names the variable (the server path itself is the browser tests').

const root = path.resolve(__dirname, "..");

function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/start.ts"], {
    cwd: root, env: { ...process.env, ...env }, encoding: "utf8", timeout: 60_000,
  });
  return { code: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

describe("npm start with a bad environment", () => {
  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ PORT: "0" }, "PORT"],
    [{ DATABASE_URL: "mysql://localhost/ipam" }, "DATABASE_URL"],
  ])("%o stops with one line naming %s", (env, name) => {
    const { code, stderr, stdout } = start(env);
    expect(code).toBe(1);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`^Invalid environment variable ${name}: `));
    expect(stdout).toBe("");
  });
});
