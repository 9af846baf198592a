import { spawn } from "node:child_process";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { getDb } from "@/lib/db/client";
import { BatchedCounter, FLUSH_SHARE } from "@/lib/services/rate-limits/batched-counter";

// The API limiter's batching layer on the real database of the run's engine:
// decided in the process, written in batches, shared through the database.

const { url } = useTestDatabase();
let n = 0;
const freshKey = () => `api:test:${++n}:${Math.random()}`;
const MINUTE = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const storedHits = async (key: string) => (await getDb().rateLimit.findUnique({ where: { key } }))?.hits ?? 0;

/** Polls until the database's count for `key` is `hits` (the background flush has caught up) or 5 s have passed. */
async function eventually(key: string, hits: number): Promise<number> {
  const until = Date.now() + 5_000;
  let stored = await storedHits(key);
  while (stored !== hits && Date.now() < until) {
    await sleep(20);
    stored = await storedHits(key);
  }
  return stored;
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("BatchedCounter", () => {
  it("admits exactly the limit of a burst without waiting, and the database catches up in the background", async () => {
    const counter = new BatchedCounter();
    const key = freshKey();
    const spec = { limit: 1200, windowMs: MINUTE, flushIntervalMs: 50 };
    // 1,500 synchronous calls: none can wait for the database, so the decision is the process's own.
    const results = Array.from({ length: 1500 }, () => counter.hit(key, spec));
    expect(results.filter((r) => r.allowed)).toHaveLength(1200);
    expect(results.slice(0, 1200).every((r) => r.allowed)).toBe(true);
    expect(results[1199]).toMatchObject({ hits: 1200, remaining: 0 });
    expect(results[1200]).toMatchObject({ allowed: false, remaining: 0 });
    expect(results[1200].retryAfterSeconds).toBeGreaterThanOrEqual(59);
    // Refused calls are not counted; the timer writes what the first flush did not carry.
    expect(await eventually(key, 1200)).toBe(1200);
  });

  it("writes at most one flush per interval, or per share of the limit, and learns other instances' hits from it", async () => {
    const [a, b] = [new BatchedCounter(), new BatchedCounter()];
    const key = freshKey();
    const spec = { limit: 100, windowMs: MINUTE, flushIntervalMs: 60_000 };
    // B takes 30 and writes them (its first hit flushes at once, the rest when asked).
    for (let i = 0; i < 30; i++) b.hit(key, spec);
    await b.flushAll();
    expect(await storedHits(key)).toBe(30);
    // A knows nothing yet: its first hit is decided locally, then its flush returns 31.
    expect(a.hit(key, spec)).toMatchObject({ allowed: true, hits: 1 });
    await a.flushAll();
    expect(a.hit(key, spec)).toMatchObject({ allowed: true, hits: 32, remaining: 68 });
    // Fewer than limit × FLUSH_SHARE pending inside the interval: nothing is written.
    const threshold = 100 * FLUSH_SHARE;
    for (let i = 0; i < threshold - 2; i++) a.hit(key, spec);
    await sleep(50);
    expect(await storedHits(key)).toBe(31);
    // The share is reached: one flush starts without waiting for the interval.
    a.hit(key, spec);
    expect(await eventually(key, 31 + threshold)).toBe(31 + threshold);
  });

  it("starts afresh when the window ends, taking the database's window", async () => {
    const counter = new BatchedCounter();
    const key = freshKey();
    const spec = { limit: 2, windowMs: MINUTE, flushIntervalMs: 10 };
    const t0 = Date.now();
    expect(counter.hit(key, spec).allowed).toBe(true);
    await counter.flushAll();
    const windowEndsAt = Number((await getDb().rateLimit.findUnique({ where: { key } }))!.windowEndsAt);
    expect(counter.hit(key, spec)).toMatchObject({ allowed: true, remaining: 0 });
    const refused = counter.hit(key, spec);
    expect(refused.allowed).toBe(false);
    expect(refused.resetAt.getTime()).toBe(windowEndsAt);
    await counter.flushAll();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(windowEndsAt);
    expect(counter.hit(key, spec)).toMatchObject({ allowed: true, hits: 1, remaining: 1 });
    await counter.flushAll();
    const row = await getDb().rateLimit.findUnique({ where: { key } });
    expect(row).toMatchObject({ hits: 1 });
    expect(Number(row!.windowEndsAt)).toBe(windowEndsAt + MINUTE);
    expect(windowEndsAt - t0).toBeGreaterThanOrEqual(MINUTE - 1000);
  });

  it("keeps deciding when the database fails, logs once, and writes the hits once it answers again", async () => {
    const counter = new BatchedCounter();
    const key = freshKey();
    const spec = { limit: 50, windowMs: MINUTE, flushIntervalMs: 20 };
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    // A real failure: the table is gone for a while.
    await getDb().$executeRawUnsafe("ALTER TABLE rate_limits RENAME TO rate_limits_away");
    try {
      for (let i = 0; i < 10; i++) {
        expect(counter.hit(key, spec).allowed).toBe(true);
        await sleep(15);
      }
      await counter.flushAll();
      const results = Array.from({ length: 50 }, () => counter.hit(key, spec));
      expect(results.filter((r) => r.allowed)).toHaveLength(40);
      await counter.flushAll();
    } finally {
      await getDb().$executeRawUnsafe("ALTER TABLE rate_limits_away RENAME TO rate_limits");
    }
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0][0])).toMatch(/API rate limit: cannot write counters/);
    expect(await eventually(key, 50)).toBe(50);
  });
});

describe("two instances on one database", () => {
  /** Another process making `count` calls `pauseMs` apart from `startAt`; resolves to how many it was allowed. */
  function callsFromAnotherProcess(key: string, limit: number, flushIntervalMs: number, count: number, pauseMs: number, startAt: number, leavePending = false): Promise<number> {
    const args = [key, limit, flushIntervalMs, count, pauseMs, startAt].map(String).concat(leavePending ? ["leave-pending"] : []);
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "tests/rate-limits/api-calls-from-another-process.ts", ...args], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    // A child that does not end by itself is killed, so a failing test leaves no process behind.
    const deadline = setTimeout(() => child.kill(), 30_000);
    return new Promise((resolve, reject) => {
      child.on("error", reject);
      child.on("exit", (code) => {
        clearTimeout(deadline);
        if (code === 0) resolve(Number(out));
        else reject(new Error(`child exited with ${code ?? "a signal (still running after 30 s)"}`));
      });
    });
  }

  it("together admit at least the limit and at most limit + each instance's calls in one interval and one flush", async () => {
    const key = freshKey();
    const [limit, flushIntervalMs, count, pauseMs] = [400, 100, 600, 2];
    const startAt = Date.now() + 3_000;
    const other = callsFromAnotherProcess(key, limit, flushIntervalMs, count, pauseMs, startAt);
    const counter = new BatchedCounter();
    await sleep(startAt - Date.now());
    let ours = 0;
    for (let i = 0; i < count; i++) {
      if (counter.hit(key, { limit, windowMs: MINUTE, flushIntervalMs }).allowed) ours++;
      await sleep(pauseMs);
    }
    await counter.flushAll();
    const theirs = await other;
    // The documented bound: per instance, the calls it makes in one flush
    // interval plus one flush's round trip (allowed another interval here),
    // at most one call per pauseMs. Without sharing it would be 2 × limit.
    const perInstance = 2 * Math.ceil(flushIntervalMs / pauseMs);
    expect(ours + theirs).toBeGreaterThanOrEqual(limit);
    expect(ours + theirs).toBeLessThanOrEqual(limit + 2 * perInstance);
    expect(limit + 2 * perInstance).toBeLessThan(2 * limit);
    // Every admitted call of both processes reached the one row.
    expect(await storedHits(key)).toBe(ours + theirs);
  }, 60_000);

  it("a flush timer does not keep a process alive", async () => {
    const key = freshKey();
    const started = Date.now();
    // Three calls with a 10-minute interval: the first is written at once, the other two wait on a timer.
    expect(await callsFromAnotherProcess(key, 100, 600_000, 3, 1, 0, true)).toBe(3);
    expect(Date.now() - started).toBeLessThan(30_000);
    // The first call was written; the two left on the timer were lost with the process (the documented price).
    expect(await storedHits(key)).toBe(1);
  }, 60_000);
});
