import { test, expect } from "@playwright/test";
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { childProcessEnv } from "../lib/env";
import { freePort } from "./multi-instance-helpers";

// `npm start` (scripts/start.ts) on its own SQLite file, beside the suite's
// server and on its build: what must be ready before the first request is,
// and the upkeep that need not wait runs once the server listens
// (lib/boot/listen-gate.ts).

const dataDir = mkdtempSync(path.join(os.tmpdir(), "ipam-start-order-"));
const dbFile = path.join(dataDir, "ipam.db");
test.afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `npm start` until `whileUp` is done; returns its output. */
async function withStart(extraEnv: Record<string, string>, whileUp: (base: string, output: () => string) => Promise<void>): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, ["scripts/launch.mjs", "start"], {
    env: childProcessEnv({ DATA_DIR: dataDir, DATABASE_URL: `file:${dbFile}`, PORT: String(port), HOST: "127.0.0.1", ...extraEnv }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (b: Buffer) => (output += b.toString()));
  child.stderr!.on("data", (b: Buffer) => (output += b.toString()));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  try {
    await expect.poll(() => fetch(`${base}/api/v1/health`).then((r) => r.status, () => 0), { timeout: 60_000, intervals: [50] }).toBe(200);
    await whileUp(base, () => output);
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
  return output;
}

function query<T>(sql: string): T {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(sql).get() as T;
  } finally {
    db.close();
  }
}

test("the first start migrates and creates the admin from IPAM_ADMIN_* before it answers", async () => {
  const output = await withStart({ IPAM_ADMIN_EMAIL: "start-order@example.com", IPAM_ADMIN_PASSWORD: "Start-order-pw-1" }, async () => {
    // Right at the first 200: the admin exists, so no request can reach the first-run setup.
    expect(query<{ n: number }>(`SELECT count(*) AS n FROM users WHERE role = 'admin'`).n).toBe(1);
  });
  expect(output).toMatch(/Applied migrations: .*Created admin start-order@example\.com.*IPAM listening/s);
});

test("a start with nothing to migrate answers at once and records writes made by hand beside it", async () => {
  const db = new Database(dbFile);
  db.exec(`UPDATE users SET name = 'Typed by hand' WHERE email = 'start-order@example.com'`);
  db.close();
  expect(query<{ n: number }>(`SELECT count(*) AS n FROM change_capture`).n).toBe(1);
  const output = await withStart({}, async (_, output) => {
    await expect.poll(() => query<{ n: number }>(`SELECT count(*) AS n FROM change_capture`).n, { timeout: 30_000 }).toBe(0);
    await expect.poll(output, { timeout: 10_000 }).toContain("Recorded 1 change(s) made directly in the database");
  });
  expect(output).not.toContain("Applied migrations");
  // The upkeep ran after the server listened, not before.
  expect(output.indexOf("IPAM listening")).toBeLessThan(output.indexOf("Recorded 1 change(s)"));
  const record = query<{ actor_name: string; action: string }>(`SELECT actor_name, action FROM change_log WHERE object_type = 'user' ORDER BY id DESC`);
  expect(record).toEqual({ actor_name: "direct database write", action: "update" });
});
