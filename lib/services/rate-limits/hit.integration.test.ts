import { spawn } from "node:child_process";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { getDb } from "@/lib/db/client";
import { hit } from "@/lib/services/rate-limits/hit";
import { refund } from "@/lib/services/rate-limits/refund";
import { clearRateLimit } from "@/lib/services/rate-limits/clear-rate-limit";
import { purgeEndedRateLimits } from "@/lib/services/rate-limits/purge-ended-rate-limits";

// The counter behind every rate limit, on the real database of the run's
// engine: one atomic statement per hit, shared by every client of the database.

const { url } = useTestDatabase();
let n = 0;
const freshKey = () => `test:${++n}:${Math.random()}`;
const MINUTE = 60_000;

afterEach(() => {
  vi.useRealTimers();
});

/** Moves Date.now() only: the database sees the time as a statement parameter, and I/O keeps its real timers. */
function at(ms: number): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(ms);
}

describe("hit", () => {
  it("allows exactly `limit` of 50 concurrent hits on one key", async () => {
    const key = freshKey();
    const results = await Promise.all(Array.from({ length: 50 }, () => hit(key, { limit: 7, windowMs: MINUTE })));
    expect(results.filter((r) => r.allowed)).toHaveLength(7);
    // Every hit saw a different count: none was lost or doubled.
    expect(results.map((r) => r.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const refused = results.filter((r) => !r.allowed);
    expect(refused.every((r) => r.remaining === 0 && r.retryAfterSeconds >= 1 && r.retryAfterSeconds <= 60)).toBe(true);
  });

  it("counts down `remaining` and starts a new window once the old one has ended", async () => {
    const key = freshKey();
    const t0 = Date.UTC(2030, 0, 1);
    at(t0);
    const first = await hit(key, { limit: 2, windowMs: MINUTE });
    expect(first).toMatchObject({ allowed: true, hits: 1, remaining: 1, retryAfterSeconds: 0 });
    expect(first.resetAt.getTime()).toBe(t0 + MINUTE);
    at(t0 + 30_000);
    expect(await hit(key, { limit: 2, windowMs: MINUTE })).toMatchObject({ allowed: true, hits: 2, remaining: 0 });
    const over = await hit(key, { limit: 2, windowMs: MINUTE });
    // The window is fixed: refused until it ends, 30 s later, however often it is asked.
    expect(over).toMatchObject({ allowed: false, hits: 3, remaining: 0, retryAfterSeconds: 30 });
    at(t0 + MINUTE - 1);
    expect((await hit(key, { limit: 2, windowMs: MINUTE })).allowed).toBe(false);
    at(t0 + MINUTE);
    const fresh = await hit(key, { limit: 2, windowMs: MINUTE });
    expect(fresh).toMatchObject({ allowed: true, hits: 1, remaining: 1 });
    expect(fresh.resetAt.getTime()).toBe(t0 + 2 * MINUTE);
  });

  it("going over the limit with blockMs locks the key for blockMs, longer than its window, without counting refused hits", async () => {
    const key = freshKey();
    const t0 = Date.UTC(2030, 1, 1);
    const spec = { limit: 3, windowMs: 5 * MINUTE, blockMs: 15 * MINUTE };
    at(t0);
    for (let i = 0; i < 3; i++) expect((await hit(key, spec)).allowed).toBe(true);
    at(t0 + MINUTE);
    expect(await hit(key, spec)).toMatchObject({ allowed: false, hits: 4, retryAfterSeconds: 15 * 60 });
    // Past the window but inside the lock-out: still refused, and the lock-out is not extended.
    at(t0 + 10 * MINUTE);
    expect(await hit(key, spec)).toMatchObject({ allowed: false, hits: 4, retryAfterSeconds: 6 * 60 });
    at(t0 + 16 * MINUTE);
    expect(await hit(key, spec)).toMatchObject({ allowed: true, hits: 1 });
  });

  it("without blockMs an exceeded key is free again when its window ends", async () => {
    const key = freshKey();
    const t0 = Date.UTC(2030, 2, 1);
    at(t0);
    await hit(key, { limit: 1, windowMs: MINUTE });
    expect((await hit(key, { limit: 1, windowMs: MINUTE })).allowed).toBe(false);
    at(t0 + MINUTE);
    expect((await hit(key, { limit: 1, windowMs: MINUTE })).allowed).toBe(true);
  });

  it("refuses a limit below 1 (a misconfiguration, not a silent lock-out)", async () => {
    await expect(hit(freshKey(), { limit: 0, windowMs: MINUTE })).rejects.toThrow(/≥ 1/);
  });
});

describe("refund and clearRateLimit", () => {
  it("refund takes one hit back, never below zero", async () => {
    const key = freshKey();
    const spec = { limit: 2, windowMs: MINUTE };
    await hit(key, spec);
    await hit(key, spec);
    await refund(key);
    expect(await hit(key, spec)).toMatchObject({ allowed: true, hits: 2 });
    for (let i = 0; i < 5; i++) await refund(key);
    expect(await hit(key, spec)).toMatchObject({ hits: 1 });
    await refund("test:never-hit");
  });

  it("50 concurrent hit-and-refund pairs leave the counter where it started", async () => {
    const key = freshKey();
    const spec = { limit: 100, windowMs: MINUTE };
    await Promise.all(Array.from({ length: 50 }, async () => {
      await hit(key, spec);
      await refund(key);
    }));
    expect(await hit(key, spec)).toMatchObject({ hits: 1 });
  });

  it("clearRateLimit lifts a lock-out", async () => {
    const key = freshKey();
    const spec = { limit: 1, windowMs: MINUTE, blockMs: 15 * MINUTE };
    await hit(key, spec);
    expect((await hit(key, spec)).allowed).toBe(false);
    await clearRateLimit(key);
    expect(await hit(key, spec)).toMatchObject({ allowed: true, hits: 1 });
  });
});

describe("purgeEndedRateLimits", () => {
  it("deletes counters whose window and lock-out have both ended, and only those", async () => {
    const t0 = Date.UTC(2031, 0, 1);
    const [ended, running, blocked] = [freshKey(), freshKey(), freshKey()];
    at(t0);
    await hit(ended, { limit: 5, windowMs: MINUTE });
    await hit(running, { limit: 5, windowMs: 10 * MINUTE });
    await hit(blocked, { limit: 1, windowMs: MINUTE, blockMs: 15 * MINUTE });
    await hit(blocked, { limit: 1, windowMs: MINUTE, blockMs: 15 * MINUTE });
    expect(await purgeEndedRateLimits(t0 + 2 * MINUTE)).toBeGreaterThanOrEqual(1);
    const left = (await getDb().rateLimit.findMany({ where: { key: { in: [ended, running, blocked] } } })).map((r) => r.key);
    expect(left.sort()).toEqual([running, blocked].sort());
  });
});

describe("two instances on one database", () => {
  /** Another process, with its own database client, hitting `key` `count` times at once; resolves to how many it was allowed. */
  function hitsFromAnotherProcess(key: string, limit: number, count: number): Promise<number> {
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "tests/rate-limits/hit-from-another-process.ts", key, String(limit), String(MINUTE), String(count)], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    return new Promise((resolve, reject) => {
      child.on("error", reject);
      child.on("exit", (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`child exited with ${code}`))));
    });
  }

  it("share one count: of 40 + 40 concurrent hits from two processes exactly `limit` are allowed", async () => {
    const key = freshKey();
    const limit = 30;
    const other = hitsFromAnotherProcess(key, limit, 40);
    // Start ours while the other process is running (it takes a moment to load), so the two overlap.
    await new Promise((r) => setTimeout(r, 1500));
    const ours = (await Promise.all(Array.from({ length: 40 }, () => hit(key, { limit, windowMs: MINUTE })))).filter((r) => r.allowed).length;
    const theirs = await other;
    expect(ours + theirs).toBe(limit);
    const row = await getDb().rateLimit.findUnique({ where: { key } });
    expect(row?.hits).toBe(80);
  });
});
