// Web UI benchmark: pages of the production build against a seeded SQLite
// file with a /8 holding 1,000,000 hosts. `npm run bench -- ui`.
// Measures the full HTML response (server render + stream) with a signed-in
// session, which is what the browser waits for before painting.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { hashPassword } from "../lib/auth/password";
import { loadEnv } from "../lib/env";
import { addHosts, addNetwork, openBenchDb } from "./api/seed";
import { startServer } from "./api/server";
import { ms, p50 } from "./api/measure";

export interface BenchRow { case: string; goal: string; measured: string; ok: boolean }

const TEN = 0x0a000000n;
const USER = { email: "bench@example.test", password: "bench-password-1" };

/** Signs in through next-auth's credentials flow and returns the session cookie header. */
async function signIn(url: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const login = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email: USER.email, password: USER.password, json: "true" }),
  });
  const session = login.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed (HTTP ${login.status})`);
  return [...cookies, session].join("; ");
}

export async function runUiBench(log: (line: string) => void = () => undefined): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ipam-ui-bench-"));
  const dbFile = path.join(dir, "bench.db");
  const db = openBenchDb(dbFile);
  const slash8 = addNetwork(db, TEN, 8, "bench /8");
  const small = addNetwork(db, TEN + 2n ** 23n, 24, "bench /24 inside");
  db.prepare("UPDATE networks SET parent_id = ? WHERE id = ?").run(slash8, small);
  addHosts(db, slash8, TEN + 1n, 1_000_000);
  const now = new Date().toISOString().replace("Z", "+00:00");
  db.prepare("INSERT INTO users (email, name, password_hash, role, disabled, created_at, updated_at) VALUES (?, 'Bench', ?, 'admin', 0, ?, ?)")
    .run(USER.email, await hashPassword(USER.password), now, now);
  db.close();
  const server = await startServer({ databaseUrl: `file:${dbFile}`, dataDir: dir, distDir: loadEnv().NEXT_DIST_DIR, log });
  const rows: BenchRow[] = [];
  try {
    const cookie = await signIn(server.url);
    const page = (p: string) => () => fetch(`${server.url}${p}`, { headers: { cookie }, redirect: "manual" });
    const cases: Array<[string, string, number]> = [
      [`/networks/${slash8}`, "network detail, /8 with 1,000,000 hosts", 1000],
      [`/networks/${slash8}?page=20000`, "network detail, /8, hosts page 20,000", 1000],
      [`/networks/${small}`, "network detail, /24 with address map", 1000],
      ["/hosts", "hosts list at 1,000,000 hosts", 1000],
      ["/hosts?sort=-ip_address&q=10.1.", "hosts list, sorted desc + search", 1000],
      ["/networks", "networks list", 1000],
      ["/", "dashboard", 1000],
      ["/search?q=10.200.0.1", "search: a free address in the /8", 1000],
    ];
    for (const [p, name, goal] of cases) {
      const t = await p50(page(p), 7, 2);
      rows.push({ case: `GET ${p} (${name})`, goal: `p50 < ${goal} ms`, measured: ms(t), ok: t < goal });
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
