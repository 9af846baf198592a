// A throwaway PostgreSQL server for tests, benchmarks and `db:migrate:create`: Debian's own
// `postgresql` binaries, `initdb` into a temp folder, listening only on
// 127.0.0.1 on a free port, stopped by its pid. initdb refuses to run as
// root, so as root the cluster belongs to the `postgres` user the package
// creates (or to a system user made for it).
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface Cluster {
  /** postgresql://postgres@127.0.0.1:<port>/postgres (trust auth on loopback only). */
  adminUrl: string;
  port: number;
  dir: string;
  stop(): void;
}

const FALLBACK_USER = "ipam-pg";

/** Debian installs the server outside PATH: /usr/lib/postgresql/<major>/bin. */
export function postgresBinDir(): string {
  const root = "/usr/lib/postgresql";
  const majors = existsSync(root) ? readdirSync(root).filter((d) => existsSync(path.join(root, d, "bin", "initdb"))) : [];
  if (majors.length === 0) {
    throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql: install Debian's `postgresql` package (.ci/run does)");
  }
  majors.sort((a, b) => Number(b) - Number(a));
  return path.join(root, majors[0], "bin");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function clusterUser(): { name: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = (name: string) => {
    const r = spawnSync("id", ["-u", name], { encoding: "utf8" });
    if (r.status !== 0) return undefined;
    const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim());
    return { name, uid: Number(r.stdout.trim()), gid };
  };
  const found = lookup("postgres") ?? lookup(FALLBACK_USER);
  if (found) return found;
  execFileSync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", FALLBACK_USER]);
  return lookup(FALLBACK_USER);
}

function run(user: ReturnType<typeof clusterUser>, bin: string, args: string[]): void {
  const [cmd, argv] = user ? ["runuser", ["-u", user.name, "--", bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: "utf8", cwd: os.tmpdir() });
  if (r.status !== 0) throw new Error(`${path.basename(bin)} failed (${r.status}): ${r.stderr || r.stdout}`);
}

/** Starts a fresh cluster; `stop()` ends it (SIGINT to the postmaster, fast shutdown) and removes its folder. */
export async function startCluster(): Promise<Cluster> {
  const bin = postgresBinDir();
  const user = clusterUser();
  const dir = mkdtempSync(path.join(os.tmpdir(), "ipam-pg-"));
  chmodSync(dir, 0o700);
  if (user) chownSync(dir, user.uid, user.gid);
  const data = path.join(dir, "data");
  run(user, path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync"]);
  const port = await freePort();
  const options = [
    `-p ${port}`, "-c listen_addresses=127.0.0.1", `-k ${dir}`, "-c max_connections=300",
    "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c shared_buffers=128MB",
  ].join(" ");
  run(user, path.join(bin, "pg_ctl"), ["-D", data, "-l", path.join(dir, "server.log"), "-o", options, "-w", "-t", "60", "start"]);
  const pid = Number(readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(pid, "SIGINT");
      for (let i = 0; i < 200 && alive(pid); i++) spawnSync("sleep", ["0.05"]);
    } catch {
      // Already gone.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`, port, dir, stop };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
