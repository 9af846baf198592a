import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { call, tokenFor, type CallOptions } from "@/tests/api/client";
import type { Role } from "@/lib/auth/roles";
import * as networks from "@/app/api/v1/networks/route";
import * as network from "@/app/api/v1/networks/[id]/route";
import * as networkHosts from "@/app/api/v1/networks/[id]/hosts/route";
import * as availableSubnets from "@/app/api/v1/networks/[id]/available-subnets/route";
import * as subnets from "@/app/api/v1/networks/[id]/subnets/route";
import * as hosts from "@/app/api/v1/hosts/route";
import * as host from "@/app/api/v1/hosts/[id]/route";
import * as nextIp from "@/app/api/v1/ip/networks/[id]/next-ip/route";
import * as availableIps from "@/app/api/v1/ip/networks/[id]/available-ips/route";
import * as freeRanges from "@/app/api/v1/ip/networks/[id]/free-ranges/route";
import * as allocate from "@/app/api/v1/ip/networks/[id]/allocate/route";
import * as lookup from "@/app/api/v1/ip/[address]/route";
import * as tokens from "@/app/api/v1/tokens/route";
import * as token from "@/app/api/v1/tokens/[id]/route";
import * as health from "@/app/api/v1/health/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import * as docs from "@/app/api/v1/docs/route";
import * as exporters from "@/app/api/v1/export/route";
import * as exportFile from "@/app/api/v1/export/[name]/route";
import * as importers from "@/app/api/v1/import/route";
import * as importFile from "@/app/api/v1/import/[name]/route";
import * as backup from "@/app/api/v1/backup/route";

// Every endpoint × anonymous, viewer, editor, admin. Writes that succeed
// make their own target, so rows are fresh for each role.

useTestDatabase();
type Caller = Role | "anonymous";
const callers: Caller[] = ["anonymous", "viewer", "editor", "admin"];
const tokens_: Partial<Record<Caller, string>> = {};
let seq = 0;

async function freshNetwork(): Promise<string> {
  const n = ++seq;
  const res = await call(networks.POST, "POST", "/networks", { token: tokens_.admin, body: { network: `10.${n}.0.0/16` } });
  return String(res.body.id);
}
async function freshHost(): Promise<string> {
  const res = await call(hosts.POST, "POST", "/hosts", { token: tokens_.admin, body: { ip_address: `192.168.${++seq % 250}.${seq % 250 + 1}` } });
  return String(res.body.id);
}

type Case = { name: string; needs: Role | "public"; ok: number; run: (options: CallOptions) => Promise<{ status: number }> };
const cases: Case[] = [
  { name: "GET /health", needs: "public", ok: 200, run: (o) => call(health.GET as never, "GET", "/health", o) },
  { name: "GET /openapi.json", needs: "public", ok: 200, run: (o) => call(openapi.GET, "GET", "/openapi.json", o) },
  { name: "GET /docs", needs: "public", ok: 200, run: (o) => call(docs.GET, "GET", "/docs", o) },
  { name: "GET /networks", needs: "viewer", ok: 200, run: (o) => call(networks.GET, "GET", "/networks", o) },
  { name: "POST /networks", needs: "editor", ok: 201, run: (o) => call(networks.POST, "POST", "/networks", { ...o, body: { network: `172.${++seq % 250}.0.0/16` } }) },
  { name: "GET /networks/{id}", needs: "viewer", ok: 200, run: async (o) => call(network.GET, "GET", "", { ...o, params: { id: await freshNetwork() } }) },
  { name: "PUT /networks/{id}", needs: "editor", ok: 200, run: async (o) => {
    const id = await freshNetwork();
    return call(network.PUT, "PUT", "", { ...o, params: { id }, body: { network: `10.${seq}.0.0/16`, name: "put" } });
  } },
  { name: "PATCH /networks/{id}", needs: "editor", ok: 200, run: async (o) => call(network.PATCH, "PATCH", "", { ...o, params: { id: await freshNetwork() }, body: { name: "p" } }) },
  { name: "DELETE /networks/{id}", needs: "editor", ok: 204, run: async (o) => call(network.DELETE, "DELETE", "", { ...o, params: { id: await freshNetwork() } }) },
  { name: "GET /networks/{id}/hosts", needs: "viewer", ok: 200, run: async (o) => call(networkHosts.GET, "GET", "", { ...o, params: { id: await freshNetwork() } }) },
  { name: "GET /networks/{id}/available-subnets", needs: "viewer", ok: 200, run: async (o) =>
    call(availableSubnets.GET, "GET", "", { ...o, params: { id: await freshNetwork() }, query: { cidr: 24 } }) },
  { name: "POST /networks/{id}/subnets", needs: "editor", ok: 201, run: async (o) =>
    call(subnets.POST, "POST", "", { ...o, params: { id: await freshNetwork() }, body: { cidr: 24 } }) },
  { name: "GET /hosts", needs: "viewer", ok: 200, run: (o) => call(hosts.GET, "GET", "/hosts", o) },
  { name: "POST /hosts", needs: "editor", ok: 201, run: (o) => call(hosts.POST, "POST", "/hosts", { ...o, body: { ip_address: `203.0.113.${++seq % 250}` } }) },
  { name: "GET /hosts/{id}", needs: "viewer", ok: 200, run: async (o) => call(host.GET, "GET", "", { ...o, params: { id: await freshHost() } }) },
  { name: "PUT /hosts/{id}", needs: "editor", ok: 200, run: async (o) => {
    const id = await freshHost();
    const current = await call(host.GET, "GET", "", { token: tokens_.admin, params: { id } });
    return call(host.PUT, "PUT", "", { ...o, params: { id }, body: current.body });
  } },
  { name: "PATCH /hosts/{id}", needs: "editor", ok: 200, run: async (o) => call(host.PATCH, "PATCH", "", { ...o, params: { id: await freshHost() }, body: { status: "reserved" } }) },
  { name: "DELETE /hosts/{id}", needs: "editor", ok: 204, run: async (o) => call(host.DELETE, "DELETE", "", { ...o, params: { id: await freshHost() } }) },
  { name: "GET /ip/networks/{id}/next-ip", needs: "viewer", ok: 200, run: async (o) => call(nextIp.GET, "GET", "", { ...o, params: { id: await freshNetwork() } }) },
  { name: "GET /ip/networks/{id}/available-ips", needs: "viewer", ok: 200, run: async (o) => call(availableIps.GET, "GET", "", { ...o, params: { id: await freshNetwork() } }) },
  { name: "GET /ip/networks/{id}/free-ranges", needs: "viewer", ok: 200, run: async (o) => call(freeRanges.GET, "GET", "", { ...o, params: { id: await freshNetwork() } }) },
  { name: "POST /ip/networks/{id}/allocate", needs: "editor", ok: 201, run: async (o) => call(allocate.POST, "POST", "", { ...o, params: { id: await freshNetwork() }, body: {} }) },
  { name: "GET /ip/{address}", needs: "viewer", ok: 200, run: (o) => call(lookup.GET, "GET", "", { ...o, params: { address: "10.1.2.3" } }) },
  { name: "GET /tokens", needs: "admin", ok: 200, run: (o) => call(tokens.GET, "GET", "/tokens", o) },
  { name: "POST /tokens", needs: "admin", ok: 201, run: (o) => call(tokens.POST, "POST", "/tokens", { ...o, body: { name: "made", role: "viewer" } }) },
  { name: "DELETE /tokens/{id}", needs: "admin", ok: 204, run: async (o) => {
    const made = await call(tokens.POST, "POST", "/tokens", { token: tokens_.admin, body: { name: "victim", role: "viewer" } });
    return call(token.DELETE, "DELETE", "", { ...o, params: { id: String(made.body.id) } });
  } },
  { name: "GET /export", needs: "viewer", ok: 200, run: (o) => call(exporters.GET, "GET", "/export", o) },
  { name: "GET /export/{name}", needs: "viewer", ok: 200, run: (o) => call(exportFile.GET, "GET", "", { ...o, params: { name: "dnsmasq" } }) },
  // JSON Lines, not one JSON value: the status alone (call() would parse the body).
  { name: "GET /backup", needs: "admin", ok: 200, run: async (o) => {
    const headers: Record<string, string> = o.token ? { authorization: `Bearer ${o.token}` } : {};
    const res = await backup.GET(new Request("http://localhost/api/v1/backup", { headers }), { params: Promise.resolve({}) });
    await res.body?.cancel();
    return { status: res.status };
  } },
  { name: "GET /import", needs: "viewer", ok: 200, run: (o) => call(importers.GET, "GET", "/import", o) },
  { name: "POST /import/{name}", needs: "editor", ok: 200, run: (o) =>
    call(importFile.POST, "POST", "", { ...o, params: { name: "json" }, query: { type: "hosts" }, body: [{ ip_address: `198.51.100.${++seq % 250}` }] }) },
];

const rank: Record<Caller | "public", number> = { public: -1, anonymous: -1, viewer: 0, editor: 1, admin: 2 };
function expected(c: Case, caller: Caller): number {
  if (c.needs === "public") return c.ok;
  if (caller === "anonymous") return 401;
  return rank[caller] >= rank[c.needs] ? c.ok : 403;
}

beforeAll(async () => {
  for (const role of ["viewer", "editor", "admin"] as const) tokens_[role] = await tokenFor(role);
});

describe.each(cases)("$name", (c) => {
  it.each(callers)("as %s", async (caller) => {
    const res = await c.run({ token: tokens_[caller as Role] ?? null });
    expect(res.status).toBe(expected(c, caller));
  });
});

describe("credentials", () => {
  it("401 for a malformed, unknown, expired or revoked token, with the error envelope", async () => {
    const headers = [{ authorization: "Basic abc" }, { authorization: "Bearer ipam_nope" }, { authorization: "Bearer" }];
    for (const h of headers) {
      const res = await call(networks.GET, "GET", "/networks", { headers: h });
      expect(res.status).toBe(401);
      expect(res.body.error).toMatchObject({ code: "unauthorized" });
    }
    const expired = await call(tokens.POST, "POST", "/tokens", { token: tokens_.admin, body: { name: "old", role: "admin", expires_at: "2000-01-01T00:00:00Z" } });
    expect((await call(networks.GET, "GET", "/networks", { token: expired.body.token })).status).toBe(401);
    const made = await call(tokens.POST, "POST", "/tokens", { token: tokens_.admin, body: { name: "short", role: "viewer" } });
    expect((await call(networks.GET, "GET", "/networks", { token: made.body.token })).status).toBe(200);
    await call(token.DELETE, "DELETE", "", { token: tokens_.admin, params: { id: String(made.body.id) } });
    expect((await call(networks.GET, "GET", "/networks", { token: made.body.token })).status).toBe(401);
  });
  it("lists tokens without secrets", async () => {
    const res = await call(tokens.GET, "GET", "/tokens", { token: tokens_.admin });
    expect(res.body.items.length).toBeGreaterThan(3);
    for (const t of res.body.items) {
      expect(Object.keys(t).sort()).toEqual(["created_at", "expires_at", "id", "last_used_at", "name", "role", "token_hint"]);
    }
  });
});
