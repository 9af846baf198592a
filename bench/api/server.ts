import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { buildFingerprint } from "../../lib/boot/build-fingerprint";
import { childProcessEnv } from "../../lib/env";
import { serveCommand } from "../../lib/http/serve-command";

// The production build served by scripts/serve.ts (what `npm start` ends in), on
// its own port, pointed at the benchmark database. The benchmark migrates and
// seeds the database itself, so it skips scripts/start.ts: that script would
// rebuild a stale build, and a build in the middle of a benchmark (or of other
// people's work in the same tree) is never wanted.

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Fails with the command to run when there is no build; warns (once) when the build predates the sources. */
let warned = false;

export function checkBuild(distDir: string, log: (line: string) => void = console.warn): void {
  if (!existsSync(path.resolve(distDir, "BUILD_ID"))) {
    throw new Error(`no production build in ${distDir}: run \`npm run build\` (or \`npm start\` once) first, then the benchmark again`);
  }
  const stamp = path.resolve(distDir, "ipam-build-fingerprint");
  if (!warned && (!existsSync(stamp) || readFileSync(stamp, "utf8") !== buildFingerprint())) {
    warned = true;
    log(`note: the build in ${distDir} is older than the sources; these figures measure that build (\`npm start\` rebuilds it)`);
  }
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** file:<path> or postgresql://… */
  databaseUrl: string;
  dataDir: string;
  distDir: string;
  /** Instances that must accept each other's sessions share one secret. */
  authSecret?: string;
  log?: (line: string) => void;
  /** More environment for this server (e.g. API_RATE_LIMIT=0, AUTH_MODE). */
  env?: Record<string, string>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  checkBuild(options.distDir);
  const port = await freePort();
  const [command, args] = serveCommand();
  const child = spawn(command, args, {
    env: childProcessEnv({
      PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: options.databaseUrl, DATA_DIR: options.dataDir,
      NEXT_DIST_DIR: options.distDir, AUTH_SECRET: options.authSecret ?? randomBytes(24).toString("hex"),
      NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...options.env,
    }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) (output.push(line), options.log?.(line));
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  let stopping = false;
  // A server that goes away mid-run shows up as refused connections: say why it went, with its last lines.
  child.once("exit", (code, signal) => {
    if (!stopping) console.warn(`  server on ${url} exited (code ${code}, signal ${signal}):\n${output.slice(-10).map((l) => `    ${l}`).join("\n")}`);
  });
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // ESRCH: nothing of the group is left.
    }
  };
  const stop = async () => {
    stopping = true;
    // The server may fork workers into its process group: end them all, even when the first process is gone already.
    signalGroup("SIGTERM");
    if (!exited()) await Promise.race([new Promise((r) => child.once("exit", r)), new Promise((r) => setTimeout(r, 10_000))]);
    signalGroup("SIGKILL");
  };
  const deadline = Date.now() + 2 * 60_000;
  let health = "no answer";
  for (;;) {
    if (exited()) throw new Error(`server exited (${child.exitCode}):\n${output.slice(-20).join("\n")}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`/api/v1/health did not answer 200 in 2 minutes (last: ${health}):\n${output.slice(-20).join("\n")}`);
    }
    const res = await fetch(`${url}/api/v1/health`).catch(() => undefined);
    if (res?.ok) break;
    if (res) health = `HTTP ${res.status} ${await res.text()}`;
    await new Promise((r) => setTimeout(r, 300));
  }
  return { url, stop };
}
