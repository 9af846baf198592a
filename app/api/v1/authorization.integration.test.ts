import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { call } from "@/tests/api/client";
import { getDb } from "@/lib/db/client";
import { apiRoutes } from "@/tests/authorization/api-routes";
import { CALLERS, expectedStatus, makeCallers, type Caller, type CallerName } from "@/tests/authorization/callers";
import { databaseSnapshot } from "@/tests/authorization/db-snapshot";
import { sendPrepared } from "@/tests/authorization/route-request";
import { ipamCases } from "@/tests/authorization/route-cases-ipam";
import { accessCases } from "@/tests/authorization/route-cases-access";
import { changeCases } from "@/tests/authorization/route-cases-changes";
import { revertCases } from "@/tests/authorization/route-cases-reverts";
import { discoveryCases } from "@/tests/authorization/route-cases-discovery";
import * as networks from "@/app/api/v1/networks/route";
import * as tokens from "@/app/api/v1/tokens/route";
import * as token from "@/app/api/v1/tokens/[id]/route";

// Every route handler under app/api/v1 (found on disk) × anonymous, viewer,
// editor, admin, a read-only admin token, an expired admin token and a
// viewer's browser session (tests/authorization/callers.ts), through
// the real wrapper, authentication and services. An allowed write must show
// its effect; anything refused, and any read, must leave every table as it was.

useTestDatabase();
const routes = await apiRoutes();
const cases = [...ipamCases, ...accessCases, ...changeCases, ...revertCases, ...discoveryCases];
let callers: Record<CallerName, Caller>;

beforeAll(async () => {
  callers = await makeCallers();
});

describe("coverage", () => {
  it("every route file's every exported method has a case, and every case a route", () => {
    const covered = new Set(cases.map((c) => c.key));
    expect(routes.map((r) => r.key).filter((key) => !covered.has(key)), "routes without a case").toEqual([]);
    const existing = new Set(routes.map((r) => r.key));
    expect(cases.map((c) => c.key).filter((key) => !existing.has(key)), "cases without a route").toEqual([]);
  });
});

describe.each(cases.map((c) => ({ ...c, label: c.variant ? `${c.key} (${c.variant})` : c.key })))("$label", (c) => {
  it.each(CALLERS)("as %s", async (name) => {
    const route = routes.find((r) => r.key === c.key);
    if (!route) throw new Error(`no route ${c.key}`);
    const prepared = (await c.prepare?.(callers[name])) ?? {};
    const before = await databaseSnapshot();
    const reply = await sendPrepared(route.handler, route.method, prepared, callers[name].headers);
    const want = expectedStatus(c, route.method, name);
    expect(reply.status, reply.text.slice(0, 300)).toBe(want);
    if (want < 300 && prepared.effect) await prepared.effect(reply);
    else expect(await databaseSnapshot(), "a refused call or a read changed the database").toBe(before);
  });
});

describe("credentials", () => {
  it("401 for a malformed, unknown, expired or revoked token, with the error envelope", async () => {
    const admin = callers.admin.owned!.token;
    for (const h of [{ authorization: "Basic abc" }, { authorization: "Bearer ipam_nope" }, { authorization: "Bearer" }]) {
      const res = await call(networks.GET, "GET", "/networks", { headers: h });
      expect(res.status).toBe(401);
      expect(res.body.error).toMatchObject({ code: "unauthorized" });
    }
    // A past expiry is refused when a token is made (422), so this one expires after it was made.
    const expired = await call(tokens.POST, "POST", "/tokens", { token: admin, body: { name: "old", role: "admin", expires_at: "2999-01-01T00:00:00Z" } });
    expect((await call(networks.GET, "GET", "/networks", { token: expired.body.token })).status).toBe(200);
    await getDb().apiToken.update({ where: { id: expired.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(networks.GET, "GET", "/networks", { token: expired.body.token })).status).toBe(401);
    const made = await call(tokens.POST, "POST", "/tokens", { token: admin, body: { name: "short", role: "viewer" } });
    expect((await call(networks.GET, "GET", "/networks", { token: made.body.token })).status).toBe(200);
    await call(token.DELETE, "DELETE", "", { token: admin, params: { id: String(made.body.id) } });
    expect((await call(networks.GET, "GET", "/networks", { token: made.body.token })).status).toBe(401);
  });

  it("lists tokens without secrets", async () => {
    const res = await call(tokens.GET, "GET", "/tokens", { token: callers.admin.owned!.token, query: { all: "true" } });
    expect(res.body.items.length).toBeGreaterThan(3);
    for (const t of res.body.items) {
      expect(Object.keys(t).sort()).toEqual(
        ["allowed_cidrs", "created_at", "expires_at", "id", "last_used_at", "name", "owner", "read_only", "role", "token_hint"],
      );
    }
  });
});
