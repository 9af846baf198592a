import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { call, tokenFor } from "@/tests/api/client";
import { signInAs } from "@/tests/auth/session";
import { getDb } from "@/lib/db/client";
import { overrideEnv } from "@/lib/env";
import { dataVersion } from "@/lib/db/raw/read-connection";
import { createApiToken } from "@/lib/services/tokens/create-api-token";
import { FLUSH_SHARE } from "@/lib/services/rate-limits/batched-counter";
import { apiRateLimitKey, flushApiCallCounts } from "@/lib/services/rate-limits/api-rate-limit";
import * as hosts from "@/app/api/v1/hosts/route";
import * as networks from "@/app/api/v1/networks/route";
import * as network from "@/app/api/v1/networks/[id]/route";
import * as health from "@/app/api/v1/health/route";

// API_RATE_LIMIT through the real route handlers: per token and per
// signed-in user, RateLimit-* on every counted answer, 429 rate_limited
// with Retry-After over the limit, and nothing done.

const { engine } = useTestDatabase();
const setLimit = (perMinute: number) => overrideEnv({ API_RATE_LIMIT: String(perMinute) });

afterEach(() => {
  setLimit(1200);
  overrideEnv({ API_RATE_LIMIT_FLUSH_MS: "1000" });
});

let n = 0;
const newHost = () => ({ ip_address: `10.77.${Math.floor(++n / 250)}.${(n % 250) + 1}`, description: "rate" });

beforeAll(async () => {
  await call(networks.POST, "POST", "/networks", { token: await tokenFor("admin"), body: { network: "10.77.0.0/16", name: "rate" } });
});

describe("API rate limit", () => {
  it("counts each token's calls per minute in RateLimit-* headers, then 429 with Retry-After and nothing done", async () => {
    setLimit(3);
    const token = await tokenFor("editor");
    for (const remaining of [2, 1, 0]) {
      const res = await call(hosts.GET, "GET", "/hosts", { token });
      expect(res.status).toBe(200);
      expect(res.headers.get("ratelimit-limit")).toBe("3");
      expect(res.headers.get("ratelimit-remaining")).toBe(String(remaining));
      const reset = Number(res.headers.get("ratelimit-reset"));
      expect(reset).toBeGreaterThan(0);
      expect(reset).toBeLessThanOrEqual(60);
      expect(res.headers.get("retry-after")).toBeNull();
    }
    const before = await getDb().host.count();
    const refused = await call(hosts.POST, "POST", "/hosts", { token, body: newHost() });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: "rate_limited" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    expect(await getDb().host.count()).toBe(before);
    // Another token has its own budget.
    expect((await call(hosts.POST, "POST", "/hosts", { token: await tokenFor("editor"), body: newHost() })).status).toBe(201);
  });

  it("error answers are counted and carry the headers too", async () => {
    setLimit(5);
    const token = await tokenFor("viewer");
    const missing = await call(network.GET, "GET", "/networks/999999", { token, params: { id: "999999" } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("ratelimit-remaining")).toBe("4");
    const forbidden = await call(hosts.POST, "POST", "/hosts", { token, body: newHost() });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get("ratelimit-remaining")).toBe("3");
  });

  it("a signed-in user's browser calls share one budget across sessions", async () => {
    setLimit(2);
    const user = await getDb().user.create({ data: { email: `rate${++n}@example.test`, passwordHash: "x", role: "viewer" } });
    const [a, b] = [await signInAs(user.id), await signInAs(user.id)];
    const get = (cookie: string) => call(hosts.GET, "GET", "/hosts", { headers: { cookie } });
    expect((await get(a.cookie)).headers.get("ratelimit-remaining")).toBe("1");
    expect((await get(b.cookie)).headers.get("ratelimit-remaining")).toBe("0");
    expect((await get(a.cookie)).status).toBe(429);
  });

  it("a burst of 1,500 calls from one token admits exactly the limit, and the database count catches up", async () => {
    setLimit(1200);
    overrideEnv({ API_RATE_LIMIT_FLUSH_MS: "50" });
    const { token, record } = await createApiToken(null, { name: `burst-${++n}`, role: "viewer" });
    const first = await call(network.GET, "GET", "/networks/999999", { token, params: { id: "999999" } });
    expect(first.headers.get("ratelimit-remaining")).toBe("1199");
    const burst = await Promise.all(Array.from({ length: 1499 }, () => call(network.GET, "GET", "/networks/999999", { token, params: { id: "999999" } })));
    const statuses = [first, ...burst].map((res) => res.status);
    expect(statuses.filter((status) => status === 404)).toHaveLength(1200);
    expect(statuses.filter((status) => status === 429)).toHaveLength(300);
    // Written in the background (refused calls are not counted): within a few flush intervals.
    const key = apiRateLimitKey({ kind: "token", id: record.id });
    let stored = 0;
    for (const until = Date.now() + 5_000; stored !== 1200 && Date.now() < until; await new Promise((r) => setTimeout(r, 20))) {
      stored = (await getDb().rateLimit.findUnique({ where: { key } }))?.hits ?? 0;
    }
    expect(stored).toBe(1200);
  }, 60_000);

  it("API reads do not commit on every call: dataVersion() (SQLite) or the rows' xmin (PostgreSQL) changes only per flush", async () => {
    setLimit(1200);
    const flushMs = 1000;
    overrideEnv({ API_RATE_LIMIT_FLUSH_MS: String(flushMs) });
    const { token, record } = await createApiToken(null, { name: `reads-${++n}`, role: "viewer" });
    await call(hosts.GET, "GET", "/hosts", { token, query: { per_page: 1 } });
    await flushApiCallCounts();
    // SQLite's data_version counts this file's commits only. pg_current_snapshot counts every
    // database of the server (other test files' too), so there the commits an API call can
    // make are read off its rows: each write gives a row a new xmin.
    const key = apiRateLimitKey({ kind: "token", id: record.id });
    const stamp = engine === "sqlite"
      ? () => dataVersion()
      : async () => JSON.stringify(await getDb().$queryRawUnsafe(
        `SELECT (SELECT xmin::text FROM rate_limits WHERE "key" = $1) AS counter, (SELECT xmin::text FROM api_tokens WHERE id = $2) AS token`, key, record.id));
    const calls = 200;
    const started = Date.now();
    let last = await stamp();
    let changes = 0;
    for (let i = 0; i < calls; i++) {
      expect((await call(hosts.GET, "GET", "/hosts", { token, query: { per_page: 1 } })).status).toBe(200);
      const now = await stamp();
      if (now !== last) changes++;
      last = now;
    }
    // One write per FLUSH_SHARE of the limit, or per interval, at most (the old limiter: 200).
    const bound = Math.ceil(calls / Math.floor(1200 * FLUSH_SHARE)) + 1 + Math.ceil((Date.now() - started) / flushMs);
    expect(changes).toBeLessThanOrEqual(bound);
    expect(bound).toBeLessThan(calls / 4);
  }, 60_000);

  it("API_RATE_LIMIT=0 turns it off: no headers, no refusals; public routes are never counted", async () => {
    setLimit(0);
    const token = await tokenFor("viewer");
    for (let i = 0; i < 5; i++) {
      const res = await call(hosts.GET, "GET", "/hosts", { token });
      expect(res.status).toBe(200);
      expect(res.headers.get("ratelimit-limit")).toBeNull();
    }
    setLimit(1);
    for (let i = 0; i < 3; i++) expect((await call(health.GET, "GET", "/health")).headers.get("ratelimit-limit")).toBeNull();
  });
});
