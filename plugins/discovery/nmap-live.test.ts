import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { cancelScan, runNmapPingScan, scanState } from "@/plugins/discovery/nmap-process";
import { parseNmapXml } from "@/plugins/discovery/parse-nmap-xml";

// The real nmap (Debian package, /usr/bin/nmap) against this machine's
// loopback: every address of 127.0.0.0/8 answers locally.

const run = (target: string, extra: { timeoutMs?: number; nmapPath?: string } = {}) =>
  runNmapPingScan({ nmapPath: extra.nmapPath ?? "/usr/bin/nmap", networkId: 1, target, family: 4, timeoutMs: extra.timeoutMs ?? 60_000 });

async function refused(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("live nmap -sn", () => {
  it("finds 127.0.0.1–127.0.0.7 up in 127.0.0.0/29", async () => {
    const up = parseNmapXml(await run("127.0.0.0/29")).map((o) => o.ip_address);
    for (let i = 1; i <= 7; i++) expect(up).toContain(`127.0.0.${i}`);
    expect(scanState().running).toBe(false);
  });

  it("runs one scan at a time, and a cancelled scan ends at once with a 409", async () => {
    // A /16 of loopback takes nmap minutes: long enough to be busy and to cancel.
    const first = run("127.1.0.0/16");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(scanState()).toMatchObject({ running: true, target: "127.1.0.0/16" });
    expect((await refused(run("127.0.0.0/29"))).message).toMatch(/A scan of 127\.1\.0\.0\/16 has been running/);
    const started = Date.now();
    expect(cancelScan()).toBe(true);
    const error = await refused(first);
    expect(error.status).toBe(409);
    expect(error.message).toBe("The scan was cancelled");
    expect(Date.now() - started).toBeLessThan(5000);
    expect(scanState().running).toBe(false);
    expect(cancelScan()).toBe(false);
  });

  it("stops a scan that outlives its timeout", async () => {
    const error = await refused(run("127.2.0.0/16", { timeoutMs: 300 }));
    expect(error.message).toMatch(/took longer than 0 s and was stopped|took longer than/);
    expect(scanState().running).toBe(false);
  });

  it("says so when nmap is not installed", async () => {
    expect((await refused(run("127.0.0.0/29", { nmapPath: "/nonexistent/nmap" }))).message).toMatch(/nmap is not installed/);
  });
});
