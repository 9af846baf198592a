import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { childProcessEnv } from "../lib/env";
import { serveCommand } from "../lib/http/serve-command";

// Several production servers (scripts/serve.ts on the build `npm start` made)
// on one database, as an operator runs them behind a load balancer, and
// bursts of allocation calls spread over them.

/** Shared by every instance of a test: sessions must work on each (JWT signed with it). */
const AUTH_SECRET = "multi-instance-e2e-secret-0123456789";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Instance {
  base: string;
  process: ChildProcess;
  log: string[];
  /** Stops it by its pid (SIGTERM, or SIGKILL for the crash test) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts a production server on a free port against `databaseUrl` (with `extraEnv`, e.g. AUTH_MODE) and waits until its health probe says 200. */
export async function startInstance(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<Instance> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "ipam-instance-"));
  const [command, args] = serveCommand();
  const child = spawn(command, args, {
    env: childProcessEnv({
      NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: databaseUrl, AUTH_SECRET, DATA_DIR: dataDir,
      PORT: String(port), HOST: "127.0.0.1", ...extraEnv,
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  child.stdout!.on("data", (b: Buffer) => log.push(b.toString()));
  child.stderr!.on("data", (b: Buffer) => log.push(b.toString()));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance exited (${child.exitCode}): ${log.join("").slice(-2000)}`);
    const ok = await fetch(`${base}/api/v1/health`).then((r) => r.status === 200, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`instance on ${port} not healthy after 60 s: ${log.join("").slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    base, process: child, log,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, signal);
      await exited;
    },
  };
}

/**
 * The admin CLI against `databaseUrl`, as an operator runs it beside the
 * servers; resolves to its last stdout line. Asynchronous: the burst it
 * runs beside must keep reading its responses meanwhile.
 */
export async function admin(databaseUrl: string, args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)("npm", ["run", "--silent", "admin", "--", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "ipam-cli-")) },
    encoding: "utf8",
  });
  return stdout.trimEnd().split("\n").pop()!;
}

export interface Call {
  status: number;
  /** Addresses handed out (one, or `count`). */
  addresses: string[];
  /** Which target it went to. */
  target: number;
  /** The connection failed (the instance died): no HTTP status. */
  failed?: boolean;
  /** What a call that did not succeed said (the body, or the connection error). */
  error?: string;
}

export interface Target {
  base: string;
  networkId: number;
}

/**
 * `total` allocation calls spread round-robin over `targets`, at most
 * `concurrency` in flight (a client pool): every response, and allocations/s.
 */
export async function burst(
  token: string, targets: Target[], total: number,
  options: { concurrency?: number; body?: (i: number) => Record<string, unknown>; onCall?: (call: Call, calls: Call[]) => void } = {},
): Promise<{ calls: Call[]; perSecond: number; ms: number }> {
  const { concurrency = 32, body = () => ({}), onCall = () => {} } = options;
  const calls: Call[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < total; i = next++) {
      const target = i % targets.length;
      const { base, networkId } = targets[target];
      const sent = body(i);
      let res: Response;
      try {
        res = await fetch(`${base}/api/v1/ip/networks/${networkId}/allocate`, {
          method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(sent),
        });
      } catch (error) {
        calls.push({ status: 0, addresses: [], target, failed: true, error: String((error as Error).cause ?? error) });
        onCall(calls[calls.length - 1], calls);
        continue;
      }
      const text = await res.text().catch((error: unknown) => `(body cut off: ${String(error)})`);
      if (res.status !== 201) {
        calls.push({ status: res.status, addresses: [], target, error: text.slice(0, 300) });
        onCall(calls[calls.length - 1], calls);
        continue;
      }
      const json = JSON.parse(text) as { ip_address?: string; items?: Array<{ ip_address: string }> };
      calls.push({ status: res.status, addresses: (json.items ?? [json]).map((h) => h.ip_address!), target });
      onCall(calls[calls.length - 1], calls);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const ms = performance.now() - started;
  const allocated = calls.reduce((n, c) => n + c.addresses.length, 0);
  return { calls, ms, perSecond: (allocated / ms) * 1000 };
}

export async function api<T = any>(base: string, token: string, method: string, url: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}/api/v1${url}`, {
    method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}
