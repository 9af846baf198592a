import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as networksRoute from "@/app/api/v1/networks/route";
import * as networkRoute from "@/app/api/v1/networks/[id]/route";
import * as hostsRoute from "@/app/api/v1/hosts/route";
import * as hostRoute from "@/app/api/v1/hosts/[id]/route";
import * as allocateRoute from "@/app/api/v1/ip/networks/[id]/allocate/route";
import * as importRoute from "@/app/api/v1/import/[name]/route";
import { getDb } from "@/lib/db/client";
import { createUser } from "@/lib/services/users/create-user";
import type { ChangeLog } from "@/lib/generated/prisma/client";
import { call, tokenFor } from "@/tests/api/client";
import { setRequest } from "@/tests/auth/request-scope";
import { signInAs } from "@/tests/auth/session";
import { runAdmin } from "@/tests/cli/run-admin";
import { useTestDatabase } from "@/tests/db";
import { send } from "@/plugins/testing/http";

// Every mutation path writes exactly one change record per changed object,
// with the right before and after, source and request id, and nothing for a
// change that changes nothing (a PUT of the same values; a network whose
// creation only re-parents existing hosts and networks records only
// itself) or that is rolled back. The REST API (token and session), server
// actions (ui), bulk, allocation, imports and the admin CLI; a restore is in
// restore-and-stray.integration.test.ts. Both engines.

vi.mock("next/headers", () => import("@/tests/auth/request-scope"));

const { url } = useTestDatabase();
let editorToken: string;
let editorCookie: Record<string, string>;
let editorUser: { id: number; email: string };

beforeAll(async () => {
  editorToken = await tokenFor("editor");
  // Through the service, so its creation is recorded in its own request, not left for the first test's write.
  const u = await createUser(null, { email: `paths-${process.pid}@example.test`, name: "Pat", role: "editor" });
  editorUser = { id: u.id, email: u.email };
  // A browser's same-origin request (the API refuses a cookie without it: CSRF).
  editorCookie = { cookie: (await signInAs(u.id)).cookie, origin: "http://localhost" };
});

let octet = 0;
/** A /24 of its own per test: 10.<n>.<k>.0. */
const prefix = () => `10.${200 + Math.floor(++octet / 200)}.${octet % 200}.0`;

async function recordsAfter(id: number): Promise<ChangeLog[]> {
  return getDb().changeLog.findMany({ where: { id: { gt: id } }, orderBy: { id: "asc" } });
}
async function lastId(): Promise<number> {
  return (await getDb().changeLog.aggregate({ _max: { id: true } }))._max.id ?? 0;
}
/** Runs `fn` and returns it with the records it left. */
async function during<T>(fn: () => Promise<T>): Promise<{ result: T; records: ChangeLog[] }> {
  const before = await lastId();
  const result = await fn();
  return { result, records: await recordsAfter(before) };
}
const json = (text: string | null) => (text === null ? null : (JSON.parse(text) as Record<string, unknown>));

describe("REST API", () => {
  it("with a token: create, update, no-op PUT, delete — one record each (none for the no-op), source api, the answer's X-Request-ID, X-Change-Message", async () => {
    const net = prefix();
    const created = await during(() => call(networksRoute.POST, "POST", "/networks", {
      token: editorToken, body: { network: `${net}/24`, name: "api" }, headers: { "x-change-message": "for the lab" },
    }));
    expect(created.result.status).toBe(201);
    expect(created.records).toHaveLength(1);
    expect(created.records[0]).toMatchObject({
      action: "create", objectType: "network", objectId: created.result.body.id, source: "api", actorKind: "token", message: "for the lab",
      requestId: created.result.headers.get("x-request-id"), before: null,
    });
    expect(json(created.records[0].after)).toMatchObject({ prefix: `${net}/24`, name: "api" });
    const id = String(created.result.body.id);

    const put = { network: `${net}/24`, name: "api", description: "changed" };
    const updated = await during(() => call(networkRoute.PUT, "PUT", `/networks/${id}`, { token: editorToken, params: { id }, body: put }));
    expect(updated.result.status).toBe(200);
    expect(updated.records.map((r) => r.action)).toEqual(["update"]);
    expect(json(updated.records[0].before)).toMatchObject({ description: null });
    expect(json(updated.records[0].after)).toMatchObject({ description: "changed" });

    const same = await during(() => call(networkRoute.PUT, "PUT", `/networks/${id}`, { token: editorToken, params: { id }, body: put }));
    expect(same.result.status).toBe(200);
    expect(same.records, "a PUT that changes nothing records nothing").toEqual([]);

    const deleted = await during(() => call(networkRoute.DELETE, "DELETE", `/networks/${id}`, { token: editorToken, params: { id } }));
    expect(deleted.result.status).toBe(204);
    expect(deleted.records).toMatchObject([{ action: "delete", objectId: Number(id), after: null }]);
    expect(json(deleted.records[0].before)).toMatchObject({ description: "changed" });
    expect(await getDb().changeCapture.count()).toBe(0);
  });

  it("with a session: the signed-in user is the actor", async () => {
    const net = prefix();
    await call(networksRoute.POST, "POST", "/networks", { token: editorToken, body: { network: `${net}/24` } });
    const { result, records } = await during(() => call(hostsRoute.POST, "POST", "/hosts", {
      headers: editorCookie, body: { ip_address: net.replace(/\.0$/, ".5"), hostname: "sess" },
    }));
    expect(result.status).toBe(201);
    expect(records).toMatchObject([{ action: "create", objectType: "host", objectId: result.body.id, source: "api", actorKind: "user", actorId: editorUser.id, actorName: "Pat" }]);
    const patched = await during(() => call(hostRoute.PATCH, "PATCH", `/hosts/${result.body.id}`, {
      headers: editorCookie, params: { id: String(result.body.id) }, body: { description: "patched" },
    }));
    expect(patched.records).toHaveLength(1);
    expect(json(patched.records[0].before)).toMatchObject({ hostname: "sess", description: null });
    expect(json(patched.records[0].after)).toMatchObject({ hostname: "sess", description: "patched" });
  });

  it("bulk create and allocation: one record per object, one request id; a bulk request with one bad item records nothing", async () => {
    const net = prefix();
    const made = await call(networksRoute.POST, "POST", "/networks", { token: editorToken, body: { network: `${net}/24` } });
    const bulk = await during(() => call(hostsRoute.POST, "POST", "/hosts", {
      token: editorToken, body: [1, 2, 3].map((k) => ({ ip_address: net.replace(/\.0$/, `.${10 + k}`) })),
    }));
    expect(bulk.result.status).toBe(201);
    expect(bulk.records.map((r) => r.objectId).sort()).toEqual(bulk.result.body.items.map((h: { id: number }) => h.id).sort());
    expect(new Set(bulk.records.map((r) => r.requestId))).toEqual(new Set([bulk.result.headers.get("x-request-id")]));

    const allocated = await during(() => call(allocateRoute.POST, "POST", `/ip/networks/${made.body.id}/allocate`, {
      token: editorToken, params: { id: String(made.body.id) }, body: { count: 4 },
    }));
    expect(allocated.result.status).toBe(201);
    expect(allocated.records).toHaveLength(4);
    expect(allocated.records.every((r) => r.action === "create" && r.objectType === "host")).toBe(true);
    expect(new Set(allocated.records.map((r) => r.requestId)).size).toBe(1);

    const rolledBack = await during(() => call(hostsRoute.POST, "POST", "/hosts", {
      token: editorToken, body: [{ ip_address: net.replace(/\.0$/, ".50") }, { ip_address: net.replace(/\.0$/, ".11") }],
    }));
    expect(rolledBack.result.status).toBe(422);
    expect(rolledBack.records).toEqual([]);
    expect(await getDb().changeCapture.count()).toBe(0);
  });

  it("a network whose creation only re-parents existing networks and hosts records only itself", async () => {
    const child = await call(networksRoute.POST, "POST", "/networks", { token: editorToken, body: { network: "10.250.0.0/24" } });
    await call(hostsRoute.POST, "POST", "/hosts", { token: editorToken, body: { ip_address: "10.250.0.7" } });
    // Outside any network yet: the /23 below takes it in (hosts.network_id changes, a derived field).
    const loose = await call(hostsRoute.POST, "POST", "/hosts", { token: editorToken, body: { ip_address: "10.250.1.9" } });
    expect(loose.body.network_id).toBeNull();
    const outer = await during(() => call(networksRoute.POST, "POST", "/networks", { token: editorToken, body: { network: "10.250.0.0/23" } }));
    expect(outer.result.status).toBe(201);
    expect((await getDb().network.findUniqueOrThrow({ where: { id: child.body.id } })).parentId).toBe(outer.result.body.id);
    expect((await getDb().host.findUniqueOrThrow({ where: { id: loose.body.id } })).networkId).toBe(outer.result.body.id);
    expect(outer.records.map((r) => `${r.action} ${r.objectType}:${r.objectId}`)).toEqual([`create network:${outer.result.body.id}`]);
  });
});

describe("imports", () => {
  const csv = (...lines: string[]) => `${lines.join("\n")}\n`;
  const post = (body: string, query: Record<string, string> = {}) =>
    send(importRoute.POST, "POST", "/import/csv", { token: editorToken, params: { name: "csv" }, body, query: { type: "hosts", ...query }, headers: { "content-type": "text/csv" } });

  it("one record per host, source import, one request id; a dry run and a failed import record nothing", async () => {
    const net = prefix();
    const ip = (k: number) => net.replace(/\.0$/, `.${k}`);
    const dry = await during(() => post(csv("ip_address,hostname", `${ip(1)},a`), { dry_run: "true" }));
    expect(dry.result.status).toBe(200);
    expect(dry.records).toEqual([]);
    const failed = await during(() => post(csv("ip_address,hostname", `${ip(1)},a`, `${ip(300)},bad`)));
    expect(failed.result.status).toBe(422);
    expect(failed.records).toEqual([]);
    const done = await during(() => post(csv("ip_address,hostname", `${ip(1)},a`, `${ip(2)},b`, `${ip(3)},c`)));
    expect(done.result.status).toBe(200);
    expect(done.records).toHaveLength(3);
    expect(done.records.map((r) => json(r.after)!.hostname).sort()).toEqual(["a", "b", "c"]);
    for (const r of done.records) expect(r).toMatchObject({ action: "create", objectType: "host", source: "import", actorKind: "token" });
    expect(new Set(done.records.map((r) => r.requestId))).toEqual(new Set([done.result.headers.get("x-request-id")]));
    // Importing the same rows again with on_conflict=update changes nothing: nothing recorded.
    const again = await during(() => post(csv("ip_address,hostname", `${ip(1)},a`, `${ip(2)},b`, `${ip(3)},c`), { on_conflict: "update" }));
    expect(again.result.status).toBe(200);
    expect(again.records).toEqual([]);
    expect(await getDb().changeCapture.count()).toBe(0);
  });
});

describe("server actions", () => {
  it("source ui, the POST's request id, the form's change_message; a refused action records nothing", async () => {
    const { createNetworkAction } = await import("@/app/(app)/networks/actions");
    const { createHostAction, updateHostAction } = await import("@/app/(app)/hosts/actions");
    const requestId = randomUUID();
    setRequest({ cookie: editorCookie.cookie, headers: { "x-request-id": requestId } });
    try {
      const net = prefix();
      const made = await during(() => createNetworkAction({ network: `${net}/24` }));
      expect(made.result).toMatchObject({ ok: true });
      const host = await during(() => createHostAction({ ip_address: net.replace(/\.0$/, ".8"), hostname: "ui", change_message: "new printer" }));
      expect(host.result).toMatchObject({ ok: true });
      expect(host.records).toMatchObject([{ action: "create", objectType: "host", source: "ui", requestId, message: "new printer", actorId: editorUser.id }]);
      const hostId = (host.result as { data: { id: number } }).data.id;
      const edited = await during(() => updateHostAction(hostId, { description: "on floor 2" }));
      expect(edited.records).toHaveLength(1);
      expect(json(edited.records[0].before)).toMatchObject({ description: null });
      expect(json(edited.records[0].after)).toMatchObject({ description: "on floor 2" });
      const unchanged = await during(() => updateHostAction(hostId, { description: "on floor 2" }));
      expect(unchanged.result).toMatchObject({ ok: true });
      expect(unchanged.records).toEqual([]);
      const refused = await during(() => createHostAction({ ip_address: net.replace(/\.0$/, ".8") }));
      expect(refused.result).toMatchObject({ ok: false, code: "conflict" });
      expect(refused.records).toEqual([]);
    } finally {
      setRequest(null);
    }
  });
});

describe("admin CLI", () => {
  it("source cli, the admin CLI as author, one request id per command", async () => {
    const email = `cli-${process.pid}@example.test`;
    const before = await lastId();
    const created = runAdmin(url, "user", "create", "--email", email, "--role", "viewer");
    expect(created.code, created.stderr).toBe(0);
    const token = runAdmin(url, "token", "create", "--name", `cli-${process.pid}`, "--role", "viewer");
    expect(token.code, token.stderr).toBe(0);
    const records = await recordsAfter(before);
    expect(records.map((r) => `${r.action} ${r.objectType} ${r.objectRepr}`)).toEqual([`create user ${email}`, `create api_token cli-${process.pid}`]);
    for (const r of records) expect(r).toMatchObject({ source: "cli", actorKind: "system", actorId: null, actorName: "admin CLI" });
    expect(records[0].requestId).not.toBe(records[1].requestId);
  });
});
