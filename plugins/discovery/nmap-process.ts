import "server-only";
import { spawn } from "node:child_process";
import { access, constants } from "node:fs/promises";
import { AppError } from "@/lib/errors";
import type { ScanState } from "@/lib/schemas/discovery";

// The live scan's nmap process: one at a time per instance (the slot lives on
// globalThis, so every route bundle of this process shares it), spawned with
// an argument array (no shell ever reads the target), killed on timeout, on
// cancel (DELETE /api/v1/discovery/scan) and when the caller goes away.

interface Slot {
  networkId: number;
  target: string;
  startedAt: Date;
  stop: (why: string) => void;
}

const SLOT = Symbol.for("ipam.discovery.scan");
const holder = globalThis as unknown as { [SLOT]?: Slot | null };

/** nmap -sn of a /16 with names and MACs stays far below this. */
export const MAX_SCAN_OUTPUT_BYTES = 64 * 1024 * 1024;
const KILL_GRACE_MS = 2000;

export function scanState(): ScanState {
  const slot = holder[SLOT];
  return slot
    ? { running: true, network_id: slot.networkId, target: slot.target, started_at: slot.startedAt.toISOString() }
    : { running: false, network_id: null, target: null, started_at: null };
}

/** Stops this instance's running scan; false when none runs. */
export function cancelScan(): boolean {
  const slot = holder[SLOT];
  if (!slot) return false;
  slot.stop("The scan was cancelled");
  return true;
}

export interface NmapRun {
  nmapPath: string;
  networkId: number;
  /** A prefix in canonical form ("10.0.0.0/24"): formatted by lib/ipam, never user text. */
  target: string;
  family: 4 | 6;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** `nmap -sn -oX - <target>`: the XML it wrote to stdout. 409 when busy, not installed, failed, timed out or cancelled. */
export async function runNmapPingScan(run: NmapRun): Promise<Uint8Array> {
  const busy = holder[SLOT];
  // Taken before the first await: two requests cannot both see an empty slot.
  if (busy) throw new AppError("conflict", `A scan of ${busy.target} has been running since ${busy.startedAt.toISOString()}; wait for it or cancel it`, { network_id: busy.networkId });
  let stopped: string | null = null;
  let kill: (() => void) | null = null;
  const slot: Slot = { networkId: run.networkId, target: run.target, startedAt: new Date(), stop: (why) => {
    stopped ??= why;
    kill?.();
  } };
  holder[SLOT] = slot;
  const onAbort = () => slot.stop("The scan was cancelled: the request ended");
  run.signal?.addEventListener("abort", onAbort);
  const timer = setTimeout(() => slot.stop(`The scan took longer than ${Math.round(run.timeoutMs / 1000)} s and was stopped`), run.timeoutMs);
  try {
    await access(run.nmapPath, constants.X_OK).catch(() => {
      throw new AppError("conflict", `nmap is not installed on the server (${run.nmapPath}); install the Debian package nmap, or upload nmap's XML instead`);
    });
    if (stopped) throw new AppError("conflict", stopped);
    const args = ["-sn", "-oX", "-", ...(run.family === 6 ? ["-6"] : []), "--", run.target];
    return await new Promise<Uint8Array>((resolve, reject) => {
      const child = spawn(run.nmapPath, args, { stdio: ["ignore", "pipe", "pipe"], shell: false });
      const out: Buffer[] = [];
      let size = 0;
      let errText = "";
      kill = () => {
        child.kill("SIGTERM");
        setTimeout(() => child.exitCode === null && child.kill("SIGKILL"), KILL_GRACE_MS).unref();
      };
      child.stdout.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_SCAN_OUTPUT_BYTES) slot.stop(`nmap wrote more than ${MAX_SCAN_OUTPUT_BYTES / 1024 / 1024} MB`);
        else out.push(chunk);
      });
      child.stderr.on("data", (chunk: Buffer) => {
        if (errText.length < 4096) errText += chunk.toString("utf8");
      });
      child.on("error", (error) => reject(new AppError("conflict", `nmap could not be started: ${error.message}`)));
      child.on("close", (code) => {
        if (stopped) reject(new AppError("conflict", stopped));
        else if (code !== 0) reject(new AppError("conflict", `nmap failed (exit ${code}): ${errText.trim().split("\n")[0] || "no message"}`));
        else resolve(Buffer.concat(out));
      });
    });
  } finally {
    clearTimeout(timer);
    run.signal?.removeEventListener("abort", onAbort);
    holder[SLOT] = null;
  }
}
