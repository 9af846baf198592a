// Sign-in rate limiting and the per-request auth cost, against the production
// build: `npm run bench -- auth [--db sqlite|postgres|both]` (default sqlite).
// Users and tokens are made by the admin CLI users run; the database is
// migrated by it too.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadEnv } from "../lib/env";
import { asRow, type BenchRow, type Figure } from "./api/figure";
import { median, ms, p50 } from "./api/measure";
import { openPgServer } from "./api/postgres-server";
import { checkBuild, startServer, type RunningServer } from "./api/server";
import { signIn, wrongSignIn } from "./auth/sign-in";

const progress = (line: string) => console.log(`  ${line}`);
const ADMIN = { email: "bench-admin@example.test", password: "bench admin passphrase 7431" };
const OTHER = { email: "bench-viewer@example.test", password: "bench viewer passphrase 9120" };
const BURST = 50;

function admin(databaseUrl: string, dataDir: string, args: string[]): string {
  const out = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/admin.ts", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir }, encoding: "utf8",
  });
  if (out.status !== 0) throw new Error(`admin ${args.slice(0, 2).join(" ")} failed: ${out.stderr.trim()}`);
  return out.stdout.trim().split("\n").at(-1)!;
}

function seedUsers(databaseUrl: string, dataDir: string): string {
  admin(databaseUrl, dataDir, ["user", "create", "--email", ADMIN.email, "--password", ADMIN.password, "--role", "admin"]);
  admin(databaseUrl, dataDir, ["user", "create", "--email", OTHER.email, "--password", OTHER.password, "--role", "viewer"]);
  return admin(databaseUrl, dataDir, ["token", "create", "--name", "bench reader", "--role", "viewer"]);
}

const hostsPage = (url: string, headers: Record<string, string>) => () => fetch(`${url}/api/v1/hosts?per_page=50`, { headers });

/** Another user's reads while 50 wrong passwords for one account arrive at once from one address. */
async function guessingBurst(server: RunningServer, token: string): Promise<Figure[]> {
  const read = hostsPage(server.url, { authorization: `Bearer ${token}` });
  const idle = await p50(read, 60, 10);
  const during: number[] = [];
  let bursting = true;
  const reader = (async () => {
    while (bursting) {
      const t0 = performance.now();
      const res = await read();
      await res.arrayBuffer();
      during.push(performance.now() - t0);
    }
  })();
  const answers = await Promise.all(Array.from({ length: BURST }, () => wrongSignIn(server.url, ADMIN.email)));
  bursting = false;
  await reader;
  const limited = answers.filter((a) => a.status === 429);
  const withRetryAfter = limited.filter((a) => a.retryAfter !== null && a.retryAfter > 0).length;
  const busy = median(during);
  return [
    {
      case: `${BURST} parallel wrong-password sign-ins, one account, one address`, goal: `≥ 45 answered 429 (with Retry-After)`,
      display: `${limited.length} × 429 (${withRetryAfter} with Retry-After), p50 429 answer ${ms(median(limited.map((a) => a.ms)))}`,
      ok: limited.length >= 45 && withRetryAfter === limited.length,
    },
    {
      case: "another user's GET /api/v1/hosts?per_page=50 during the burst", goal: "p50 < 2 × idle p50",
      value: busy, display: `${ms(busy)} (idle ${ms(idle)}, ${during.length} reads)`, ok: busy < 2 * idle,
    },
  ];
}

/** The same read with the API limiter on and off; the session check runs in both (a session can't be turned off). */
async function limiterCost(on: RunningServer, off: RunningServer, token: string): Promise<Figure[]> {
  const runs = 400;
  const cookieOn = await signIn(on.url, OTHER.email, OTHER.password);
  const cookieOff = await signIn(off.url, OTHER.email, OTHER.password);
  // Interleave the two servers so drift (caches, the other process) hits both alike.
  const figures = { tokenOn: [] as number[], tokenOff: [] as number[], cookieOn: [] as number[], cookieOff: [] as number[] };
  for (let round = 0; round < 4; round++) {
    figures.tokenOn.push(await p50(hostsPage(on.url, { authorization: `Bearer ${token}` }), runs / 4, 10));
    figures.tokenOff.push(await p50(hostsPage(off.url, { authorization: `Bearer ${token}` }), runs / 4, 10));
    figures.cookieOn.push(await p50(hostsPage(on.url, { cookie: cookieOn }), runs / 4, 10));
    figures.cookieOff.push(await p50(hostsPage(off.url, { cookie: cookieOff }), runs / 4, 10));
  }
  const [tOn, tOff, cOn, cOff] = [figures.tokenOn, figures.tokenOff, figures.cookieOn, figures.cookieOff].map(median);
  return [
    {
      case: "GET /api/v1/hosts?per_page=50, API token: limiter on − off", goal: "< 1 ms at p50",
      value: tOn - tOff, display: `${ms(tOn)} − ${ms(tOff)} = ${(tOn - tOff).toFixed(2)} ms`, ok: tOn - tOff < 1,
    },
    {
      case: "GET /api/v1/hosts?per_page=50, session cookie (session row checked): limiter on − off", goal: "< 1 ms at p50",
      value: cOn - cOff, display: `${ms(cOn)} − ${ms(cOff)} = ${(cOn - cOff).toFixed(2)} ms`, ok: cOn - cOff < 1,
    },
  ];
}

async function onEngine(databaseUrl: string, distDir: string): Promise<Figure[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "ipam-auth-bench-"));
  const authSecret = randomBytes(24).toString("hex");
  const servers: RunningServer[] = [];
  try {
    progress("seeding users and a token with the admin CLI");
    const token = seedUsers(databaseUrl, dataDir);
    const serve = async (env: Record<string, string>) => {
      const server = await startServer({ databaseUrl, dataDir, distDir, authSecret, env });
      servers.push(server);
      return server;
    };
    const on = await serve({});
    const off = await serve({ API_RATE_LIMIT: "0" });
    progress("limiter cost");
    const figures = await limiterCost(on, off, token);
    progress("guessing burst");
    figures.push(...(await guessingBurst(on, token)));
    return figures;
  } finally {
    for (const server of servers) await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runAuthBench(options: { db?: "sqlite" | "postgres" | "both" } = {}): Promise<BenchRow[]> {
  const choice = options.db ?? "sqlite";
  const distDir = loadEnv().NEXT_DIST_DIR;
  checkBuild(distDir);
  const rows: BenchRow[] = [];
  if (choice !== "postgres") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "ipam-auth-bench-db-"));
    try {
      progress("SQLite");
      rows.push(...(await onEngine(`file:${path.join(dir, "bench.db")}`, distDir)).map((f) => asRow({ ...f, case: `[sqlite] ${f.case}` })));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (choice !== "sqlite") {
    const server = await openPgServer();
    progress(`PostgreSQL: ${server.label}`);
    const database = await server.createDatabase();
    try {
      rows.push(...(await onEngine(database.url, distDir)).map((f) => asRow({ ...f, case: `[postgresql] ${f.case}` })));
    } finally {
      await database.drop();
      await server.stop();
    }
  }
  return rows;
}
