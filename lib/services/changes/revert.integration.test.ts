import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { call, tokenFor } from "@/tests/api/client";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { allocateSchema, hostSchema } from "@/lib/schemas/host";
import { networkPatchSchema, networkSchema } from "@/lib/schemas/network";
import { withChangeContext } from "@/lib/services/changes/change-context";
import { revertChange } from "@/lib/services/changes/revert-change";
import { revertRequest } from "@/lib/services/changes/revert-request";
import { bulkDeleteHosts } from "@/lib/services/hosts/bulk-delete-hosts";
import { bulkUpdateHostStatus } from "@/lib/services/hosts/bulk-update-host-status";
import { createHost } from "@/lib/services/hosts/create-host";
import { deleteHost } from "@/lib/services/hosts/delete-host";
import { updateHost } from "@/lib/services/hosts/update-host";
import { allocateIp } from "@/lib/services/ip/allocate-ip";
import { createNetwork } from "@/lib/services/networks/create-network";
import { deleteNetwork } from "@/lib/services/networks/delete-network";
import { patchNetwork } from "@/lib/services/networks/patch-network";
import { createApiToken } from "@/lib/services/tokens/create-api-token";
import { deleteApiToken } from "@/lib/services/tokens/delete-api-token";
import { renameApiToken } from "@/lib/services/tokens/rename-api-token";
import { createUser } from "@/lib/services/users/create-user";
import { deleteUser } from "@/lib/services/users/delete-user";
import { resetUserPassword } from "@/lib/services/users/reset-user-password";
import { updateUser } from "@/lib/services/users/update-user";
import * as hostRoute from "@/app/api/v1/hosts/[id]/route";
import * as networkRoute from "@/app/api/v1/networks/[id]/route";
import * as revertOneRoute from "@/app/api/v1/changes/[id]/revert/route";
import * as revertGroupRoute from "@/app/api/v1/changes/revert/route";

// Reverts on a real database: each round trip compares the API's GET output
// before the change and after its revert. updated_at is left out of the
// comparison: a revert is a new write of the row (Prisma's @updatedAt), and a
// recreated row is written now; created_at and the id are kept.

useTestDatabase();

const editor: Actor = { kind: "user", id: 1, name: "Edith", role: "editor" };
const admin: Actor = { kind: "user", id: 2, name: "Ada", role: "admin" };
const viewer: Actor = { kind: "user", id: 3, name: "Vic", role: "viewer" };

let token: string;
const adminToken = async () => (token ??= await tokenFor("admin"));

let seq = 0;
/** A /24 of its own for each test. */
const freshPrefix = () => `10.${90 + (++seq >> 8)}.${seq & 255}`;

const withoutUpdatedAt = ({ updated_at: _, ...rest }: Record<string, unknown>) => rest;

async function getHostApi(id: number) {
  const res = await call(hostRoute.GET, "GET", `/hosts/${id}`, { token: await adminToken(), params: { id: String(id) } });
  return { status: res.status, body: res.status === 200 ? withoutUpdatedAt(res.body) : null };
}
async function getNetworkApi(id: number) {
  const res = await call(networkRoute.GET, "GET", `/networks/${id}`, { token: await adminToken(), params: { id: String(id) } });
  return { status: res.status, body: res.status === 200 ? withoutUpdatedAt(res.body) : null };
}

const lastRecord = (objectType: string, objectId: number) =>
  getDb().changeLog.findFirstOrThrow({ where: { objectType, objectId }, orderBy: { id: "desc" } });

/** Every row a revert could write, to prove a refused one wrote nothing. */
async function everything(): Promise<string> {
  const db = getDb();
  return JSON.stringify({
    networks: await db.network.findMany({ orderBy: { id: "asc" } }),
    hosts: await db.host.findMany({ orderBy: { id: "asc" } }),
    hostNames: await db.hostName.findMany({ orderBy: { id: "asc" } }),
    users: await db.user.findMany({ orderBy: { id: "asc" } }),
    apiTokens: await db.apiToken.findMany({ orderBy: { id: "asc" }, omit: { lastUsedAt: true } }),
    changeLog: await db.changeLog.findMany({ orderBy: { id: "asc" } }),
    changeCapture: await db.changeCapture.count(),
  });
}

/** The revert's records: all under one request id of their own, with the revert's message (a single revert answers with them). */
async function expectRecordedRevert(out: { request_id: string; changes?: Array<{ id: number }> }, message: string, count: number) {
  const rows = await getDb().changeLog.findMany({ where: { requestId: out.request_id }, orderBy: { id: "asc" } });
  if (out.changes) expect(rows.map((r) => r.id)).toEqual(out.changes.map((c) => c.id));
  expect(rows).toHaveLength(count);
  for (const row of rows) expect(row).toMatchObject({ message, actorName: expect.any(String) });
}

async function network(prefix: string, extra: Record<string, unknown> = {}) {
  return createNetwork(editor, networkSchema.parse({ network: `${prefix}.0/24`, name: `net ${prefix}`, ...extra }));
}

describe("reverting one change", () => {
  it("a host's creation: the host is gone again, and the revert is recorded with its message", async () => {
    const p = freshPrefix();
    await network(p);
    const host = await createHost(editor, hostSchema.parse({ ip_address: `${p}.5`, hostname: "web1" }));
    const created = await lastRecord("host", host.id);

    const out = await revertChange(editor, created.id);
    expect(out).toMatchObject({ reverted: 1 });
    expect((await getHostApi(host.id)).status).toBe(404);
    await expectRecordedRevert(out, `Revert of change #${created.id}`, 1);
    expect(await lastRecord("host", host.id)).toMatchObject({ action: "delete", requestId: out.request_id, actorName: "Edith" });
  });

  it("a host's update: the changed fields go back and GET shows the host as before", async () => {
    const p = freshPrefix();
    await network(p);
    const host = await createHost(editor, hostSchema.parse({ ip_address: `${p}.6`, hostname: "db1", description: "primary" }));
    const before = await getHostApi(host.id);
    await updateHost(editor, host.id, { patch: { hostname: "db2", description: "moved", status: "reserved", mac_address: "52:54:00:00:00:06" } });
    const update = await lastRecord("host", host.id);

    const out = await revertChange(editor, update.id, { message: "undo the rename" });
    expect(await getHostApi(host.id)).toEqual(before);
    await expectRecordedRevert(out, "undo the rename", 1);
  });

  it("a host's deletion: created again under its old id and created_at, in its network, with its names", async () => {
    const p = freshPrefix();
    const net = await network(p, { domain: "lab.example" });
    const host = await createHost(editor, hostSchema.parse({
      ip_address: `${p}.7`, hostname: "mail", cname: "smtp,imap", mac_address: "52:54:00:00:00:07", description: "mx", status: "reserved",
      last_seen: "2026-11-30T10:00:00.000Z", discovery_source: "nmap",
    }));
    const before = await getHostApi(host.id);
    const names = await getDb().hostName.findMany({ where: { hostId: host.id }, orderBy: { fqdn: "asc" }, select: { fqdn: true } });
    expect(names.length).toBeGreaterThan(0);
    await deleteHost(editor, host.id);
    const deleted = await lastRecord("host", host.id);

    await revertChange(editor, deleted.id);
    expect(await getHostApi(host.id)).toEqual(before);
    expect(before.body).toMatchObject({ id: host.id, network_id: net.id });
    expect(await getDb().hostName.findMany({ where: { hostId: host.id }, orderBy: { fqdn: "asc" }, select: { fqdn: true } })).toEqual(names);
  });

  it("a network's creation, update and deletion each round trip, children moving back under a recreated network", async () => {
    const p = freshPrefix();
    const outer = await createNetwork(editor, networkSchema.parse({ network: `${p}.0/24`, status: "container" }));
    const made = await createNetwork(editor, networkSchema.parse({ network: `${p}.0/25`, name: "left", vlan_id: 12, gateway: `${p}.1`, status: "container" }));
    const child = await createNetwork(editor, networkSchema.parse({ network: `${p}.0/26`, name: "child" }));
    await createHost(editor, hostSchema.parse({ ip_address: `${p}.9` }));
    const madeBefore = await getNetworkApi(made.id);
    const childBefore = await getNetworkApi(child.id);
    expect(childBefore.body).toMatchObject({ parent_id: made.id });

    await patchNetwork(editor, made.id, networkPatchSchema.parse({ name: "renamed", vlan_id: 13, location: "rack 4" }));
    await revertChange(editor, (await lastRecord("network", made.id)).id);
    expect(await getNetworkApi(made.id)).toEqual(madeBefore);

    await deleteNetwork(editor, made.id);
    expect((await getNetworkApi(child.id)).body).toMatchObject({ parent_id: outer.id });
    await revertChange(editor, (await lastRecord("network", made.id)).id);
    expect(await getNetworkApi(made.id)).toEqual(madeBefore);
    expect(await getNetworkApi(child.id)).toEqual(childBefore);

    const fresh = await createNetwork(editor, networkSchema.parse({ network: `${p}.128/25`, name: "right" }));
    await revertChange(editor, (await lastRecord("network", fresh.id)).id);
    expect((await getNetworkApi(fresh.id)).status).toBe(404);
  });

  it("a network's prefix change goes back as a whole prefix", async () => {
    const net = await createNetwork(editor, networkSchema.parse({ network: "10.201.4.0/24", name: "grows" }));
    const before = await getNetworkApi(net.id);
    await patchNetwork(editor, net.id, networkPatchSchema.parse({ network: "10.201.4.0/23" }));
    const moved = await getNetworkApi(net.id);
    expect(moved.body).toMatchObject({ cidr: 23 });
    await revertChange(editor, (await lastRecord("network", net.id)).id);
    expect(await getNetworkApi(net.id)).toEqual(before);
  });
});

describe("reverting a request", () => {
  it("a bulk status change: every host back as it was, the revert's records under one request id of their own", async () => {
    const p = freshPrefix();
    await network(p);
    const hosts = await Promise.all([11, 12, 13].map((n) => createHost(editor, hostSchema.parse({ ip_address: `${p}.${n}`, status: n === 13 ? "inactive" : "active" }))));
    const before = await Promise.all(hosts.map((h) => getHostApi(h.id)));
    const requestId = randomUUID();
    await withChangeContext({ requestId }, () => bulkUpdateHostStatus(editor, { ids: hosts.map((h) => h.id), status: "reserved" }));
    expect(await getDb().changeLog.count({ where: { requestId } })).toBe(3);

    const out = await revertRequest(editor, requestId);
    expect(out).toMatchObject({ reverted: 3 });
    expect(out.request_id).not.toBe(requestId);
    expect(await Promise.all(hosts.map((h) => getHostApi(h.id)))).toEqual(before);
    await expectRecordedRevert(out, `Revert of request ${requestId}`, 3);
  });

  it("a bulk delete: every host created again as it was", async () => {
    const p = freshPrefix();
    await network(p);
    const hosts = await Promise.all([21, 22, 23, 24].map((n) => createHost(editor, hostSchema.parse({ ip_address: `${p}.${n}`, hostname: `bulk${n}` }))));
    const before = await Promise.all(hosts.map((h) => getHostApi(h.id)));
    const requestId = randomUUID();
    await withChangeContext({ requestId }, () => bulkDeleteHosts(editor, { ids: hosts.map((h) => h.id) }));

    const out = await revertRequest(editor, requestId);
    expect(out.reverted).toBe(4);
    expect(await Promise.all(hosts.map((h) => getHostApi(h.id)))).toEqual(before);
    await expectRecordedRevert(out, `Revert of request ${requestId}`, 4);
  });

  it("an allocation of count=5: the five hosts are gone, the network's counts as before", async () => {
    const p = freshPrefix();
    const net = await network(p);
    const before = await getNetworkApi(net.id);
    const requestId = randomUUID();
    const made = await withChangeContext({ requestId }, () => allocateIp(editor, net.id, allocateSchema.parse({ count: 5, description: "batch" })));
    expect("items" in made && made.items).toHaveLength(5);
    expect((await getNetworkApi(net.id)).body).not.toEqual(before.body);

    const out = await revertRequest(editor, requestId);
    expect(out.reverted).toBe(5);
    expect(await getDb().host.count({ where: { networkId: net.id } })).toBe(0);
    expect(await getNetworkApi(net.id)).toEqual(before);
  });

  it("a request that changed one object twice is undone newest first", async () => {
    const p = freshPrefix();
    await network(p);
    const requestId = randomUUID();
    const host = await withChangeContext({ requestId }, async () => {
      const made = await createHost(editor, hostSchema.parse({ ip_address: `${p}.30`, hostname: "twice" }));
      await updateHost(editor, made.id, { patch: { hostname: "thrice" } });
      return made;
    });
    expect(await getDb().changeLog.count({ where: { requestId } })).toBe(2);
    await revertRequest(editor, requestId);
    expect((await getHostApi(host.id)).status).toBe(404);
  });
});

describe("refused reverts change nothing", () => {
  it("409 when a later change touched the object (one record, or the request naming the blocking record)", async () => {
    const p = freshPrefix();
    await network(p);
    const a = await createHost(editor, hostSchema.parse({ ip_address: `${p}.40` }));
    const b = await createHost(editor, hostSchema.parse({ ip_address: `${p}.41` }));
    const requestId = randomUUID();
    await withChangeContext({ requestId }, () => bulkUpdateHostStatus(editor, { ids: [a.id, b.id], status: "reserved" }));
    const first = await lastRecord("host", a.id);
    const second = await lastRecord("host", b.id);
    await updateHost(editor, a.id, { patch: { description: "changed later" } });
    const later = await lastRecord("host", a.id);

    const snapshot = await everything();
    await expect(revertChange(editor, first.id)).rejects.toMatchObject({
      code: "conflict", message: expect.stringContaining(`changed since, by change #${later.id}`), details: { change_id: first.id },
    });
    await expect(revertRequest(editor, requestId)).rejects.toMatchObject({
      code: "conflict", message: expect.stringMatching(new RegExp(`^Change #${first.id} \\(update host ${p}\\.40\\) cannot be reverted`)),
    });
    expect(await everything()).toBe(snapshot);
    // The other record of that request alone still reverts.
    await revertChange(editor, second.id);
    expect((await getHostApi(b.id)).body).toMatchObject({ status: "active" });
  });

  it("409 when the object's fields differ from the record's after, though no record says so", async () => {
    const p = freshPrefix();
    await network(p);
    const host = await createHost(editor, hostSchema.parse({ ip_address: `${p}.42`, hostname: "drift" }));
    const created = await lastRecord("host", host.id);
    // A write no record describes (as before the change log existed): the trigger records it, so drop that record.
    await getDb().host.update({ where: { id: host.id }, data: { hostname: "drifted" } });
    await getDb().changeLog.deleteMany({ where: { objectType: "host", objectId: host.id, id: { gt: created.id } } });
    const snapshot = await everything();
    await expect(revertChange(editor, created.id)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("has changed since (hostname)") });
    expect(await everything()).toBe(snapshot);
  });

  it("the service's own 409 when the inverse would now conflict: the address was taken again", async () => {
    const p = freshPrefix();
    await network(p);
    const host = await createHost(editor, hostSchema.parse({ ip_address: `${p}.50`, hostname: "old" }));
    await deleteHost(editor, host.id);
    const deleted = await lastRecord("host", host.id);
    await createHost(editor, hostSchema.parse({ ip_address: `${p}.50`, hostname: "new" }));
    const snapshot = await everything();
    const error = await revertChange(editor, deleted.id).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "conflict", details: { change_id: deleted.id } });
    expect((error as Error).message).toMatch(new RegExp(`^Change #${deleted.id} \\(delete host ${p}\\.50 old\\) cannot be reverted: .*${p}\\.50`));
    expect(await everything()).toBe(snapshot);
  });

  it("a request whose older record now conflicts: the newer ones already undone in the transaction are rolled back too", async () => {
    const p = freshPrefix();
    await network(p);
    const hosts = await Promise.all([90, 91, 92].map((n) => createHost(editor, hostSchema.parse({ ip_address: `${p}.${n}`, hostname: `gone${n}` }))));
    const requestId = randomUUID();
    await withChangeContext({ requestId }, () => bulkDeleteHosts(editor, { ids: hosts.map((h) => h.id) }));
    const [oldest] = await getDb().changeLog.findMany({ where: { requestId }, orderBy: { id: "asc" } });
    const taken = JSON.parse(oldest.before!).ip_address as string;
    await createHost(editor, hostSchema.parse({ ip_address: taken, hostname: "squatter" }));
    const snapshot = await everything();
    await expect(revertRequest(editor, requestId)).rejects.toMatchObject({
      code: "conflict", details: { change_id: oldest.id }, message: expect.stringMatching(new RegExp(`^Change #${oldest.id} \\(delete host ${taken.replaceAll(".", "\\.")} `)),
    });
    expect(await everything()).toBe(snapshot);
  });

  it("a network still holding hosts: network_not_empty passes through, a revert twice is refused", async () => {
    const p = freshPrefix();
    const net = await network(p);
    const created = await lastRecord("network", net.id);
    await createHost(editor, hostSchema.parse({ ip_address: `${p}.60` }));
    const snapshot = await everything();
    await expect(revertChange(editor, created.id)).rejects.toMatchObject({ code: "network_not_empty", details: { change_id: created.id } });
    expect(await everything()).toBe(snapshot);

    const host = await createHost(editor, hostSchema.parse({ ip_address: `${p}.61` }));
    const hostCreated = await lastRecord("host", host.id);
    await revertChange(editor, hostCreated.id);
    await expect(revertChange(editor, hostCreated.id)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("changed since") });
  });

  it("what cannot be undone: a password, a deleted user or API token", async () => {
    const user = await createUser(null, { email: `revert-${randomUUID()}@example.test`, role: "viewer" });
    await resetUserPassword(admin, user.id, { password: "correct horse battery staple 9" });
    const passwordChange = await lastRecord("user", user.id);
    const { record: made } = await createApiToken(null, { name: "revert-me", role: "viewer" });
    await deleteApiToken(admin, made.id);
    const tokenDeleted = await lastRecord("api_token", made.id);
    const snapshot = await everything();
    await expect(revertChange(admin, passwordChange.id)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("reset the password instead") });
    await expect(revertChange(admin, tokenDeleted.id)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("create a new token") });
    await deleteUser(admin, user.id);
    const userDeleted = await lastRecord("user", user.id);
    const afterDelete = await everything();
    await expect(revertChange(admin, userDeleted.id)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("create the user again") });
    expect(await everything()).toBe(afterDelete);
    expect(snapshot).not.toBe(afterDelete);
  });
});

describe("who may revert", () => {
  it("viewer 403; a user's or token's record is an admin's, who can undo a role change and a rename", async () => {
    const p = freshPrefix();
    await network(p);
    const host = await createHost(editor, hostSchema.parse({ ip_address: `${p}.70` }));
    const created = await lastRecord("host", host.id);
    await expect(revertChange(viewer, created.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(revertRequest(viewer, created.requestId)).rejects.toMatchObject({ code: "forbidden" });

    const user = await createUser(null, { email: `role-${randomUUID()}@example.test`, role: "viewer", name: "Role" });
    await updateUser(admin, user.id, { role: "editor", name: "Promoted" });
    const promoted = await lastRecord("user", user.id);
    // Not found to an editor, as in GET /changes/{id}; a request with it in is refused with the reason.
    await expect(revertChange(editor, promoted.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(revertRequest(editor, promoted.requestId)).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("needs the admin role") });
    await revertChange(admin, promoted.id);
    expect(await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ role: "viewer", name: "Role" });

    const { record: t } = await createApiToken(null, { name: "before", role: "viewer" });
    await renameApiToken(admin, t.id, { name: "after" });
    await expect(revertChange(editor, (await lastRecord("api_token", t.id)).id)).rejects.toMatchObject({ code: "not_found" });
    await revertChange(admin, (await lastRecord("api_token", t.id)).id);
    expect(await getDb().apiToken.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({ name: "before" });
    // Its creation now has later records (the rename, its revert); a fresh token's creation reverts: the token is revoked.
    const tokenCreated = await getDb().changeLog.findFirstOrThrow({ where: { objectType: "api_token", objectId: t.id, action: "create" } });
    await expect(revertChange(admin, tokenCreated.id)).rejects.toMatchObject({ code: "conflict" });
    const { record: fresh } = await createApiToken(null, { name: "short-lived", role: "viewer" });
    await revertChange(admin, (await lastRecord("api_token", fresh.id)).id);
    expect(await getDb().apiToken.count({ where: { id: fresh.id } })).toBe(0);
  });

  it("404 for an unknown record or request", async () => {
    await expect(revertChange(editor, 999_999)).rejects.toMatchObject({ code: "not_found" });
    await expect(revertRequest(editor, randomUUID())).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the routes", () => {
  it("POST /changes/{id}/revert and POST /changes/revert, with X-Change-Message and X-Request-ID", async () => {
    const p = freshPrefix();
    await network(p);
    const editorToken = await tokenFor("editor");
    const host = await createHost(editor, hostSchema.parse({ ip_address: `${p}.80`, hostname: "api" }));
    await updateHost(editor, host.id, { patch: { hostname: "api2" } });
    const update = await lastRecord("host", host.id);
    const res = await call(revertOneRoute.POST, "POST", `/changes/${update.id}/revert`, {
      token: editorToken, params: { id: String(update.id) }, headers: { "x-change-message": "typo" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ reverted: 1, request_id: res.headers.get("x-request-id") });
    expect(res.body.changes).toHaveLength(1);
    expect(res.body.changes[0]).toMatchObject({ message: "typo", source: "api", action: "update", object_id: host.id, request_id: res.body.request_id });
    expect(res.body.changes[0].after).toMatchObject({ hostname: "api" });
    expect((await getHostApi(host.id)).body).toMatchObject({ hostname: "api" });

    const again = await call(revertOneRoute.POST, "POST", `/changes/${update.id}/revert`, { token: editorToken, params: { id: String(update.id) } });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "conflict" });

    const group = await call(revertGroupRoute.POST, "POST", "/changes/revert", { token: editorToken, body: { request_id: res.body.request_id } });
    expect(group.status, JSON.stringify(group.body)).toBe(200);
    expect((await getHostApi(host.id)).body).toMatchObject({ hostname: "api2" });

    const bad = await call(revertGroupRoute.POST, "POST", "/changes/revert", { token: editorToken, body: { request_id: "nope" } });
    expect(bad.status).toBe(422);
    const viewerToken = await tokenFor("viewer");
    expect((await call(revertOneRoute.POST, "POST", "/changes/1/revert", { token: viewerToken, params: { id: "1" } })).status).toBe(403);
  });
});
