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
  // The largest address map (1,024 cells), every usable address a host with a name and a MAC: the heaviest network page.
  const slash22 = addNetwork(db, TEN + 2n ** 23n + 2n ** 16n, 22, "bench /22 full");
  db.prepare("UPDATE networks SET parent_id = ? WHERE id = ?").run(slash8, slash22);
  addHosts(db, slash22, TEN + 2n ** 23n + 2n ** 16n + 1n, 1022);
  db.prepare("UPDATE hosts SET hostname = 'bench-host-' || id, mac_address = printf('02:00:00:00:%02x:%02x', (id / 256) % 256, id % 256) WHERE network_id = ?")
    .run(slash22);
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
      [`/networks/${slash22}`, "network detail, /22 with address map, 1,022 hosts", 1000],
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
    // HTML size (issue 13): the markup plus the inline RSC payload the browser downloads and parses (1 KB = 1,000 bytes).
    const sizes: Array<[string, string, number]> = [
      [`/networks/${slash22}`, "network detail, /22 with address map, 1,022 hosts", 400],
      ["/hosts?per_page=250", "hosts list, 250 rows", 300],
      [`/hosts?per_page=250&network_id=${slash22}`, "hosts list, 250 rows with names and MACs", 300],
    ];
    for (const [p, name, goalKb] of sizes) {
      const response = await page(p)();
      if (response.status !== 200) throw new Error(`GET ${p}: HTTP ${response.status}`);
      const kb = Buffer.byteLength(await response.text()) / 1000;
      rows.push({ case: `HTML of GET ${p} (${name})`, goal: `< ${goalKb} KB`, measured: `${kb.toFixed(0)} KB`, ok: kb < goalKb });
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
