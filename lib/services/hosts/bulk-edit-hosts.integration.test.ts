import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as bulkEditRoute from "@/app/api/v1/hosts/bulk-edit/route";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hostSchema } from "@/lib/schemas/host";
import { bulkHostEditSchema, type BulkHostEditInput } from "@/lib/schemas/host-bulk";
import { networkSchema } from "@/lib/schemas/network";
import { withChangeContext } from "@/lib/services/changes/change-context";
import { bulkDeleteHosts } from "@/lib/services/hosts/bulk-delete-hosts";
import { bulkEditHosts } from "@/lib/services/hosts/bulk-edit-hosts";
import { bulkUpdateHostStatus } from "@/lib/services/hosts/bulk-update-host-status";
import { createHost } from "@/lib/services/hosts/create-host";
import { createNetwork } from "@/lib/services/networks/create-network";
import { call, tokenFor } from "@/tests/api/client";
import { useTestDatabase } from "@/tests/db";

// Bulk edit on a real database (both engines): selection by ids or by the
// hosts list's filter with its expected count, the host rules for every
// changed host, all or nothing, a preview that writes nothing, and one
// change record per changed host under the request.

useTestDatabase();

const editor: Actor = { kind: "user", id: 1, name: "Edith", role: "editor" };
const viewer: Actor = { kind: "user", id: 3, name: "Vic", role: "viewer" };

let seq = 0;
/** A /24 of its own, with `names.length` hosts at .10, .11, … */
async function hostsIn(names: Array<string | null>, extra: Record<string, unknown> = {}, network: (prefix: string) => Record<string, unknown> = () => ({})) {
  const prefix = `10.${60 + (++seq >> 8)}.${seq & 255}`;
  const net = await createNetwork(editor, networkSchema.parse({ network: `${prefix}.0/24`, ...network(prefix) }));
  const hosts = [];
  for (const [i, hostname] of names.entries()) {
    hosts.push(await createHost(editor, hostSchema.parse({ ip_address: `${prefix}.${10 + i}`, hostname, ...extra })));
  }
  return { net, hosts };
}

const edit = (input: BulkHostEditInput, dryRun = false) => bulkEditHosts(editor, bulkHostEditSchema.parse(input), { dryRun });
const rowsOf = (ids: number[]) => getDb().host.findMany({ where: { id: { in: ids } }, orderBy: { ipKey: "asc" } });
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("bulkEditHosts", () => {
  it("sets status and description on the given ids; hosts already at the values are not written", async () => {
    const { hosts } = await hostsIn(["a", "b", "c"]);
    await edit({ select: { ids: [hosts[2].id] }, set: { status: "reserved" } });
    const before = await rowsOf(hosts.map((h) => h.id));
    const result = await edit({ select: { ids: hosts.map((h) => h.id) }, set: { status: "reserved", description: "rack 4" } });
    expect(result).toMatchObject({ dry_run: false, matched: 3, changed: 3, unchanged: 0 });
    expect(result.hosts[0].changes).toEqual({ status: { before: "active", after: "reserved" }, description: { before: null, after: "rack 4" } });
    expect(result.hosts[2].changes).toEqual({ description: { before: null, after: "rack 4" } });
    const again = await edit({ select: { ids: hosts.map((h) => h.id) }, set: { status: "reserved", description: "rack 4" } });
    expect(again).toMatchObject({ matched: 3, changed: 0, unchanged: 3, hosts: [] });
    const after = await rowsOf(hosts.map((h) => h.id));
    expect(after.map((h) => [h.status, h.description])).toEqual([["reserved", "rack 4"], ["reserved", "rack 4"], ["reserved", "rack 4"]]);
    // The second, empty edit wrote nothing: updated_at moved once only.
    expect(after.map((h) => h.updatedAt.getTime()).every((t, i) => t >= before[i].updatedAt.getTime())).toBe(true);
  });

  it("selects by the hosts list's filter when the expected count still holds", async () => {
    const { net, hosts } = await hostsIn(["web1", "web2", "db1"]);
    await edit({ select: { ids: [hosts[2].id] }, set: { status: "inactive" } });
    const result = await edit({ select: { filter: { network_id: String(net.id), status: "active" }, expected_count: 2 }, set: { description: "web tier" } });
    expect(result.hosts.map((h) => h.ip_address)).toEqual([hosts[0].ip_address, hosts[1].ip_address]);
    expect((await rowsOf(hosts.map((h) => h.id))).map((h) => h.description)).toEqual(["web tier", "web tier", null]);
  });

  it("refuses a filter whose count moved since the preview (409), changing nothing", async () => {
    const { net, hosts } = await hostsIn(["x1", "x2"]);
    const select = { filter: { network_id: net.id }, expected_count: 2 };
    expect((await edit({ select, set: { description: "seen" } }, true)).matched).toBe(2);
    await createHost(editor, hostSchema.parse({ ip_address: hosts[1].ip_address.replace(/\.11$/, ".99") }));
    const error = await refusal(edit({ select, set: { description: "seen" } }));
    expect(error.status).toBe(409);
    expect(error.message).toContain("now matches 3 hosts, not the 2 expected");
    expect(error.details).toMatchObject({ expected_count: 2, count: 3 });
    expect(await getDb().host.count({ where: { networkId: net.id, description: "seen" } })).toBe(0);
    const deleting = await refusal(bulkDeleteHosts(editor, { filter: { network_id: net.id }, expected_count: 2 }));
    expect(deleting.status).toBe(409);
    expect(await getDb().host.count({ where: { networkId: net.id } })).toBe(3);
  });

  it("a filter needs expected_count, and an unknown filter key is refused rather than ignored", () => {
    expect(bulkHostEditSchema.safeParse({ select: { filter: {} }, set: { status: "active" } }).error?.issues[0].path).toEqual(["select", "expected_count"]);
    expect(bulkHostEditSchema.safeParse({ select: { filter: { hostnme: "x" }, expected_count: 1 }, set: { status: "active" } }).success).toBe(false);
    expect(bulkHostEditSchema.safeParse({ select: { ids: [1] }, set: {} }).error?.issues[0].message).toBe("Choose at least one field to change");
    expect(bulkHostEditSchema.safeParse({ select: { ids: [1] }, set: { hostname: "same-for-all" } }).error?.issues[0].message).toContain("can only be cleared");
  });

  it("one host breaking a rule rolls back every host and names it (422)", async () => {
    // A host in the DHCP pool keeps its MAC (a static lease): clearing it is refused by the host rules.
    const { hosts: plain } = await hostsIn(["p1"]);
    const { hosts: pooled } = await hostsIn(["d1"], { mac_address: "52:54:00:aa:00:01" }, (prefix) => ({ dhcp_start: `${prefix}.10`, dhcp_end: `${prefix}.50` }));
    const ids = [plain[0].id, pooled[0].id];
    const before = await rowsOf(ids);
    const error = await refusal(edit({ select: { ids }, set: { description: "never", mac_address: null } }));
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/^Nothing was changed: 1 of 2 hosts would break a host rule — 10\.\d+\.\d+\.10: .*DHCP pool/);
    expect(error.details).toMatchObject({ failed_count: 1, hosts: [{ id: pooled[0].id, ip_address: pooled[0].ip_address }] });
    expect(await rowsOf(ids)).toEqual(before);
  });

  it("a preview answers the same and writes nothing, not even a change record", async () => {
    const { hosts } = await hostsIn(["pv1", "pv2"]);
    const ids = hosts.map((h) => h.id);
    const records = await getDb().changeLog.count();
    const before = await rowsOf(ids);
    const preview = await edit({ select: { ids }, set: { hostname: null, status: "inactive" } }, true);
    expect(preview).toMatchObject({ dry_run: true, matched: 2, changed: 2 });
    expect(preview.hosts[1].changes).toEqual({ hostname: { before: "pv2", after: null }, status: { before: "active", after: "inactive" } });
    expect(await rowsOf(ids)).toEqual(before);
    expect(await getDb().changeLog.count()).toBe(records);
    // A preview of a refused edit is refused the same way.
    expect((await refusal(edit({ select: { ids: [ids[0], 999_999] }, set: { status: "active" } }, true))).status).toBe(404);
  });

  it("records one update per changed host under the request, names re-derived", async () => {
    const { hosts } = await hostsIn(["rr1", "rr2", null]);
    const requestId = randomUUID();
    await withChangeContext({ requestId }, () => edit({ select: { ids: hosts.map((h) => h.id) }, set: { hostname: null, description: "cleared" } }));
    const records = await getDb().changeLog.findMany({ where: { requestId }, orderBy: { objectId: "asc" } });
    expect(records.map((r) => [r.action, r.objectType, r.objectId])).toEqual(hosts.map((h) => ["update", "host", h.id]));
    expect(JSON.parse(records[0].after!)).toMatchObject({ hostname: null, description: "cleared" });
    expect(await getDb().hostName.count({ where: { hostId: { in: hosts.map((h) => h.id) } } })).toBe(0);
  });

  it("is an editor's; bulkUpdateHostStatus goes through it", async () => {
    const { hosts } = await hostsIn(["s1", "s2"]);
    const ids = hosts.map((h) => h.id);
    expect((await refusal(bulkEditHosts(viewer, bulkHostEditSchema.parse({ select: { ids }, set: { status: "reserved" } })))).status).toBe(403);
    expect(await bulkUpdateHostStatus(editor, { ids, status: "reserved" })).toEqual({ updated: 2 });
    expect((await refusal(bulkUpdateHostStatus(editor, { ids: [...ids, 999_998], status: "active" }))).details).toEqual({ missing_ids: [999_998] });
    expect((await rowsOf(ids)).map((h) => h.status)).toEqual(["reserved", "reserved"]);
  });

  it("POST /hosts/bulk-edit: dry_run previews, then applies; a bad body is 422", async () => {
    const token = await tokenFor("editor");
    const { net } = await hostsIn(["api1", "api2"]);
    const body = { select: { filter: { network_id: net.id }, expected_count: 2 }, set: { status: "inactive" } };
    const preview = await call(bulkEditRoute.POST, "POST", "/hosts/bulk-edit", { token, body, query: { dry_run: "true" } });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ dry_run: true, matched: 2, changed: 2 });
    expect(await getDb().host.count({ where: { networkId: net.id, status: "inactive" } })).toBe(0);
    const applied = await call(bulkEditRoute.POST, "POST", "/hosts/bulk-edit", { token, body });
    expect(applied.body).toMatchObject({ dry_run: false, changed: 2 });
    expect(await getDb().host.count({ where: { networkId: net.id, status: "inactive" } })).toBe(2);
    const stale = await call(bulkEditRoute.POST, "POST", "/hosts/bulk-edit", { token, body: { ...body, select: { ...body.select, expected_count: 5 } } });
    expect(stale.status).toBe(409);
    const bad = await call(bulkEditRoute.POST, "POST", "/hosts/bulk-edit", { token, body: { select: { ids: [1] }, set: { ip_address: "10.0.0.1" } } });
    expect(bad.status).toBe(422);
  });
});
