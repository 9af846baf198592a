import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import type { Actor } from "@/lib/auth/roles";
import { newestRequests } from "@/lib/db/raw/change-log-queries";
import { getDb } from "@/lib/db/client";
import { changeListQuery, type ChangeListInput } from "@/lib/schemas/change";
import { networkSchema } from "@/lib/schemas/network";
import { hostSchema } from "@/lib/schemas/host";
import { withChangeContext } from "@/lib/services/changes/change-context";
import { listChangeGroups } from "@/lib/services/changes/list-change-groups";
import { createNetwork } from "@/lib/services/networks/create-network";
import { createHosts } from "@/lib/services/hosts/create-hosts";
import { deleteHost } from "@/lib/services/hosts/delete-host";
import { createUser } from "@/lib/services/users/create-user";

// One row per request, newest first: what the /changes page shows as
// "admin imported 10,000 hosts (request 3f2…)".

useTestDatabase();

const admin: Actor = { kind: "user", id: 1, name: "Ada Admin", role: "admin" };
const viewer: Actor = { kind: "user", id: 3, name: "Vera", role: "viewer" };
const R = (n: number) => `${String(n).repeat(8)}-${String(n).repeat(4)}-4${String(n).repeat(3)}-8${String(n).repeat(3)}-${String(n).repeat(12)}`;
const groups = (actor: Actor, input: ChangeListInput = {}) => listChangeGroups(actor, changeListQuery.parse(input));

let hosts: number[];

beforeAll(async () => {
  await withChangeContext({ source: "ui", requestId: R(1), message: "lab" }, () => createNetwork(admin, networkSchema.parse({ network: "10.62.0.0/24" })));
  hosts = (await withChangeContext({ source: "import", requestId: R(2), message: "bulk load" }, () =>
    createHosts(admin, [1, 2, 3].map((n) => hostSchema.parse({ ip_address: `10.62.0.${n}` }))))).map((h) => h.id);
  await withChangeContext({ source: "api", requestId: R(3) }, async () => {
    await createNetwork(admin, networkSchema.parse({ network: "10.63.0.0/24" }));
    await deleteHost(admin, hosts[0]);
  });
  await withChangeContext({ source: "cli", requestId: R(4) }, () => createUser(admin, { email: "grouped@example.test", role: "viewer" }));
});

describe("listChangeGroups", () => {
  it("one row per request, newest first, with the newest record's who and why and counts per type and action", async () => {
    const page = await groups(admin);
    expect(page.items.map((g) => g.request_id)).toEqual([R(4), R(3), R(2), R(1)]);
    expect(page).toMatchObject({ total: 4, total_exact: true, pages: 1 });
    const [, mixed, bulk] = page.items;
    expect(bulk).toMatchObject({ source: "import", message: "bulk load", count: 3, actor: { kind: "user", id: 1, name: "Ada Admin" },
      summary: [{ object_type: "host", action: "create", count: 3 }] });
    expect(mixed.summary).toEqual([{ object_type: "host", action: "delete", count: 1 }, { object_type: "network", action: "create", count: 1 }]);
    expect(mixed.count).toBe(2);
    expect(new Date(mixed.time) >= new Date(bulk.time)).toBe(true);
  });

  it("filters the records first: a group counts only what matches", async () => {
    const hostGroups = await groups(admin, { object_type: "host" });
    expect(hostGroups.items.map((g) => [g.request_id, g.count])).toEqual([[R(3), 1], [R(2), 3]]);
    expect((await groups(admin, { object_type: "host", object_id: String(hosts[0]) })).items.map((g) => g.request_id)).toEqual([R(3), R(2)]);
    expect((await groups(admin, { q: "bulk LOAD" })).items.map((g) => g.request_id)).toEqual([R(2)]);
  });

  it("pages: one group past the page says there are more", async () => {
    const first = await groups(admin, { per_page: "2" });
    expect(first.items.map((g) => g.request_id)).toEqual([R(4), R(3)]);
    expect(first).toMatchObject({ total: 3, total_exact: false, pages: 2 });
    const last = await groups(admin, { per_page: "2", page: "2" });
    expect(last.items.map((g) => g.request_id)).toEqual([R(2), R(1)]);
    expect(last).toMatchObject({ total: 4, total_exact: true, pages: 2 });
  });

  it("a non-admin sees no group made only of users' or tokens' records", async () => {
    expect((await groups(viewer)).items.map((g) => g.request_id)).toEqual([R(3), R(2), R(1)]);
    expect((await groups(viewer, { object_type: "user" })).items).toEqual([]);
  });

  it("finds groups whose records interleave, each once, by its newest record", async () => {
    // Two requests committing side by side on PostgreSQL: their ids interleave.
    const base = { time: new Date(), actorKind: "system", actorName: "t", source: "api", action: "update", objectType: "network", objectRepr: "x" };
    const made: Record<string, number> = {};
    for (const [requestId, objectId] of [["c", 1], ["a", 1], ["b", 2], ["a", 3], ["b", 4], ["a", 5], ["b", 6]] as const) {
      made[requestId] = (await getDb().changeLog.create({ data: { ...base, requestId: `interleave-${requestId}`, objectId } })).id;
    }
    for (const probeRows of [1, 2, 500]) {
      const heads = await newestRequests(getDb(), { actorNames: ["t"] }, 5, probeRows);
      expect(heads).toEqual(["b", "a", "c"].map((r) => ({ requestId: `interleave-${r}`, lastId: made[r] })));
      expect(await newestRequests(getDb(), { actorNames: ["t"] }, 2, probeRows)).toEqual(heads.slice(0, 2));
    }
  });
});
