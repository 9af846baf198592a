import { beforeAll, describe, expect, it } from "vitest";
import * as networks from "@/app/api/v1/networks/route";
import * as hosts from "@/app/api/v1/hosts/route";
import * as host from "@/app/api/v1/hosts/[id]/route";
import * as tokens from "@/app/api/v1/tokens/route";
import * as backup from "@/app/api/v1/backup/route";
import { getDb } from "@/lib/db/client";
import { call, tokenFor } from "@/tests/api/client";
import { userWithToken } from "@/tests/api/owned-token";
import { useTestDatabase } from "@/tests/db";

// Issue 11 B.2: a read-only token reads and never writes, whatever its role.
// withApi refuses it on any method but GET/HEAD/OPTIONS before the route's
// params, query or body are even read, so this walks every route module and
// every write it exports: a new write route is covered without a new line here.

useTestDatabase();
type Handler = Parameters<typeof call>[0];
const routes = import.meta.glob<Record<string, unknown>>("/app/api/v1/**/route.ts", { eager: true });
const WRITES = ["POST", "PUT", "PATCH", "DELETE"] as const;
const writes = Object.entries(routes).flatMap(([file, mod]) =>
  WRITES.filter((method) => typeof mod[method] === "function").map((method) => ({ name: `${method} ${file}`, method, handler: mod[method] as Handler })),
);

let readOnlyAdmin: string;
let admin: string;
let hostId: string;
const counts = async () => ({
  networks: await getDb().network.count(),
  hosts: await getDb().host.count(),
  tokens: await getDb().apiToken.count(),
  users: await getDb().user.count(),
});

beforeAll(async () => {
  admin = await tokenFor("admin");
  readOnlyAdmin = (await userWithToken("admin", { read_only: true })).token;
  await call(networks.POST, "POST", "/networks", { token: admin, body: { network: "10.9.0.0/16" } });
  hostId = String((await call(hosts.POST, "POST", "/hosts", { token: admin, body: { ip_address: "10.9.0.5" } })).body.id);
});

describe("a read-only admin token", () => {
  it("finds write routes to try", () => {
    expect(writes.length).toBeGreaterThanOrEqual(12);
    expect(writes.map((w) => w.name)).toEqual(expect.arrayContaining(["POST /app/api/v1/networks/route.ts", "DELETE /app/api/v1/tokens/[id]/route.ts"]));
  });

  it.each(writes)("is refused with 403 on $name and nothing changes", async ({ method, handler }) => {
    const before = await counts();
    const params = { id: hostId, name: "json", address: "10.9.0.5" };
    const res = await call(handler, method, "/x", { token: readOnlyAdmin, params, query: { type: "hosts" }, body: { name: "x", role: "viewer", network: "10.10.0.0/16" } });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain("read-only");
    expect(await counts()).toEqual(before);
  });

  it("the same writes with a valid body work for a writable token (the refusal is the flag, not the request)", async () => {
    const made = await call(tokens.POST, "POST", "/tokens", { token: readOnlyAdmin, body: { name: "x", role: "viewer" } });
    expect(made.status).toBe(403);
    expect((await call(tokens.POST, "POST", "/tokens", { token: admin, body: { name: "x", role: "viewer" } })).status).toBe(201);
    expect((await call(host.PATCH, "PATCH", "", { token: readOnlyAdmin, params: { id: hostId }, body: { status: "reserved" } })).status).toBe(403);
    expect((await call(host.PATCH, "PATCH", "", { token: admin, params: { id: hostId }, body: { status: "reserved" } })).status).toBe(200);
  });

  it("reads everything an admin reads, including the backup and everyone's tokens", async () => {
    expect((await call(networks.GET, "GET", "/networks", { token: readOnlyAdmin })).status).toBe(200);
    expect((await call(host.GET, "GET", "", { token: readOnlyAdmin, params: { id: hostId } })).body.ip_address).toBe("10.9.0.5");
    expect((await call(tokens.GET, "GET", "/tokens", { token: readOnlyAdmin, query: { all: "true" } })).status).toBe(200);
    const res = await backup.GET(new Request("http://localhost/api/v1/backup", { headers: { authorization: `Bearer ${readOnlyAdmin}` } }), { params: Promise.resolve({}) });
    await res.body?.cancel();
    expect(res.status).toBe(200);
  });

  it("a HEAD request is a read", async () => {
    const res = await networks.GET(new Request("http://localhost/api/v1/networks", { method: "HEAD", headers: { authorization: `Bearer ${readOnlyAdmin}` } }), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
  });
});
