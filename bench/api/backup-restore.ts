import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Figure } from "./figure";

// `npm run admin -- backup <file>` and `restore <file>` as an operator runs
// them: a child process per command, timed here, its peak RSS read by GNU
// time (-v reports the largest resident set of the command's processes).

const TIME = "/usr/bin/time";
const ADMIN = ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/admin.ts"];

interface Run { seconds: number; peakMb: number }

function runAdmin(databaseUrl: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(TIME, ["-v", process.execPath, ...ADMIN, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      const seconds = (performance.now() - t0) / 1000;
      const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(out);
      if (code !== 0 || !peak) reject(new Error(`admin ${args[0]} failed (${code}):\n${out.split("\n").slice(-15).join("\n")}`));
      else resolve({ seconds, peakMb: Number(peak[1]) / 1024 });
    });
  });
}

/** Whether the admin CLI has the backup commands yet (lib/services/backup). */
export function backupAvailable(): boolean {
  return existsSync(TIME) && existsSync(path.resolve("lib/services/backup"));
}

/**
 * Backs up `sourceUrl` (hosts of them) to a temp file, then restores it into
 * `emptyUrl`: two figures, each with wall time, peak RSS and the file size.
 */
export async function backupAndRestore(sourceUrl: string, emptyUrl: string, hosts: number): Promise<Figure[]> {
  // The benchmark's own allocations come on top of the seeded hosts.
  const label = `${hosts.toLocaleString("en-US")}+`;
  if (!backupAvailable()) {
    const display = existsSync(TIME) ? "not measured: `npm run admin -- backup` is not in this tree yet" : `not measured: ${TIME} (GNU time) is missing`;
    return [
      { case: `backup of ${label} hosts`, goal: "< 30 s, peak RSS < 500 MB", display, ok: false },
      { case: `restore of ${label} hosts`, goal: "< 60 s, peak RSS < 500 MB", display, ok: false },
    ];
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "ipam-backup-bench-"));
  const file = path.join(dir, "backup.jsonl");
  try {
    const backup = await runAdmin(sourceUrl, ["backup", file]);
    const size = `${(statSync(file).size / 2 ** 20).toFixed(0)} MB file`;
    const restore = await runAdmin(emptyUrl, ["restore", file]);
    const show = (r: Run) => `${r.seconds.toFixed(1)} s, peak RSS ${r.peakMb.toFixed(0)} MB`;
    return [
      { case: `backup of ${label} hosts`, goal: "< 30 s, peak RSS < 500 MB", value: backup.seconds * 1000, display: `${show(backup)} (${size})`, ok: backup.seconds < 30 && backup.peakMb < 500 },
      { case: `restore of ${label} hosts`, goal: "< 60 s, peak RSS < 500 MB", value: restore.seconds * 1000, display: show(restore), ok: restore.seconds < 60 && restore.peakMb < 500 },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
