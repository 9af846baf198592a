import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { countChangeLog } from "@/lib/db/raw/change-log-queries";
import { changeListQuery, type ChangeListInput } from "@/lib/schemas/change";
import { networkSchema } from "@/lib/schemas/network";
import { hostSchema } from "@/lib/schemas/host";
import { withChangeContext } from "@/lib/services/changes/change-context";
import { changePage, listChanges } from "@/lib/services/changes/list-changes";
import { getChange } from "@/lib/services/changes/get-change";
import { createNetwork } from "@/lib/services/networks/create-network";
import { createHosts } from "@/lib/services/hosts/create-hosts";
import { updateHost } from "@/lib/services/hosts/update-host";
import { deleteHost } from "@/lib/services/hosts/delete-host";
import { createUser } from "@/lib/services/users/create-user";

// Reading the change log: filters, paging, newest first, and what a
// non-admin may see, on records written by the real services.

useTestDatabase();

const admin: Actor = { kind: "user", id: 1, name: "Ada Admin", role: "admin" };
const editor: Actor = { kind: "user", id: 2, name: "Edith", role: "editor" };
const bot: Actor = { kind: "token", id: 7, name: "Bulk Bot", role: "editor" };
const viewer: Actor = { kind: "user", id: 3, name: "Vera", role: "viewer" };

const R1 = "11111111-1111-4111-8111-111111111111";
const R2 = "22222222-2222-4222-8222-222222222222";
const query = (input: ChangeListInput = {}) => changeListQuery.parse(input);
const ids = async (actor: Actor, input: ChangeListInput = {}) => (await listChanges(actor, query(input))).items.map((c) => c.id);

let networkId: number;
let web1: number;
let web2: number;
let userId: number;
let all: number[];

beforeAll(async () => {
  networkId = (await withChangeContext({ source: "ui", requestId: R1, message: "lab setup" }, () =>
    createNetwork(editor, networkSchema.parse({ network: "10.61.0.0/24", name: "Lab" })))).id;
  [web1, web2] = (await withChangeContext({ source: "api", requestId: R2 }, () =>
    createHosts(bot, [hostSchema.parse({ ip_address: "10.61.0.5", hostname: "web1" }), hostSchema.parse({ ip_address: "10.61.0.6", hostname: "web2" })]))).map((h) => h.id);
  await updateHost(admin, web1, { patch: { description: "front end" } });
  await deleteHost(admin, web2);
  userId = (await createUser(admin, { email: "logged@example.test", role: "viewer" })).id;
  all = (await getDb().changeLog.findMany({ orderBy: { id: "desc" }, select: { id: true } })).map((r) => r.id);
});

describe("listChanges", () => {
  it("lists every record newest first, in the API's shape", async () => {
    const page = await listChanges(admin, query());
    expect(page.items.map((c) => c.id)).toEqual(all);
    expect(page).toMatchObject({ total: all.length, total_exact: true, page: 1, per_page: 50, pages: 1 });
    const update = page.items.find((c) => c.object_id === web1 && c.action === "update")!;
    expect(update).toMatchObject({
      actor: { kind: "user", id: 1, name: "Ada Admin" }, object_type: "host", object_repr: "10.61.0.5 web1", message: null,
      before: expect.objectContaining({ description: null }), after: expect.objectContaining({ description: "front end" }),
    });
    expect(update.changed_fields).toContain("description");
    expect(update.changed_fields).not.toContain("hostname");
    expect(new Date(update.time).toISOString()).toBe(update.time);
    const created = page.items.find((c) => c.object_id === networkId && c.object_type === "network")!;
    expect(created).toMatchObject({ action: "create", before: null, request_id: R1, source: "ui", message: "lab setup" });
    expect(created.changed_fields).toEqual(expect.arrayContaining(["prefix", "name"]));
  });

  it("filters by object (its history), action, request and actor (whole name, any case)", async () => {
    const history = await listChanges(admin, query({ object_type: "host", object_id: String(web1) }));
    expect(history.items.map((c) => c.action)).toEqual(["update", "create"]);
    expect(history.total).toBe(2);
    expect((await listChanges(admin, query({ object_type: "host", action: "delete" }))).items.map((c) => c.object_id)).toEqual([web2]);
    const bulk = await listChanges(admin, query({ request_id: R2.toUpperCase() }));
    expect(bulk.items.map((c) => c.object_id).sort()).toEqual([web1, web2].sort());
    expect(bulk.items.every((c) => c.actor.kind === "token" && c.actor.name === "Bulk Bot")).toBe(true);
    expect((await listChanges(admin, query({ actor: "bulk bot" }))).total).toBe(2);
    expect((await listChanges(admin, query({ actor: "EDITH" }))).items.map((c) => c.object_type)).toEqual(["network"]);
    expect((await listChanges(admin, query({ actor: "Edit" }))).total).toBe(0);
  });

  it("q finds text in the object's name, the actor's name or the message, ignoring case", async () => {
    expect((await listChanges(admin, query({ q: "WEB2" }))).items.map((c) => c.action).sort()).toEqual(["create", "delete"]);
    expect((await listChanges(admin, query({ q: "lab set" }))).items.map((c) => c.object_id)).toEqual([networkId]);
    expect((await listChanges(admin, query({ q: "ada adm" }))).total).toBe(3);
    expect((await listChanges(admin, query({ q: "100%" }))).total).toBe(0);
  });

  it("since (inclusive) and until (exclusive) bound the time", async () => {
    const newest = await getChange(admin, all[0]);
    expect(await ids(admin, { since: newest.time })).toEqual([all[0]]);
    expect(await ids(admin, { until: newest.time })).not.toContain(all[0]);
    expect(await ids(admin, { since: "2000-01-01", until: "2000-01-02" })).toEqual([]);
  });

  it("pages newest first", async () => {
    const second = await listChanges(admin, query({ per_page: "2", page: "2" }));
    expect(second.items.map((c) => c.id)).toEqual(all.slice(2, 4));
    expect(second).toMatchObject({ total: all.length, total_exact: true, pages: Math.ceil(all.length / 2) });
    expect((await listChanges(admin, query({ page: "99" }))).items).toEqual([]);
  });

  it("keeps users' and tokens' records from a non-admin", async () => {
    const userRecords = await ids(admin, { object_type: "user" });
    expect(userRecords).toHaveLength(1);
    expect(await ids(viewer, { object_type: "user" })).toEqual([]);
    expect(await ids(editor, {})).not.toContain(userRecords[0]);
    expect(await ids(viewer, {})).toEqual(all.filter((id) => id !== userRecords[0]));
    expect((await listChanges(viewer, query({ q: "logged@" }))).total).toBe(0);
    await expect(getChange(viewer, userRecords[0])).rejects.toMatchObject({ code: "not_found" });
    await expect(getChange(editor, userRecords[0])).rejects.toMatchObject({ code: "not_found" });
    expect((await getChange(admin, userRecords[0])).object_id).toBe(userId);
  });

  it("getChange: one record, 404 for none", async () => {
    const one = await getChange(viewer, all[all.length - 1]);
    expect(one.object_id).toBe(networkId);
    await expect(getChange(viewer, 2 ** 31 - 1)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("counting", () => {
  it("stops at the cap, and the page says the total is then a lower bound", async () => {
    expect(await countChangeLog(getDb(), {}, 3)).toBe(3);
    expect(await countChangeLog(getDb(), {}, 1000)).toBe(all.length);
    expect(changePage([], 11, 10, { page: 1, per_page: 5 })).toMatchObject({ total: 10, total_exact: false, pages: 2 });
    expect(changePage([], 10, 10, { page: 1, per_page: 5 })).toMatchObject({ total: 10, total_exact: true, pages: 2 });
  });
});

describe("changeListQuery", () => {
  it("refuses bad filters with the field named", () => {
    for (const [bad, field] of [
      [{ object_type: "router" }, "object_type"], [{ action: "rename" }, "action"], [{ request_id: "abc" }, "request_id"],
      [{ since: "yesterday" }, "since"], [{ until: "2026-13-45" }, "until"], [{ since: "2026-12-02", until: "2026-12-01" }, "since"],
      [{ object_id: "0" }, "object_id"], [{ per_page: "1001" }, "per_page"], [{ since: "2026-12-01T10:00:00" }, "since"],
    ] as const) {
      const result = changeListQuery.safeParse(bad);
      expect(result.success, JSON.stringify(bad)).toBe(false);
      expect(result.error!.issues[0].path[0]).toBe(field);
    }
    expect(changeListQuery.parse({ since: "2026-12-01", until: "2026-12-01T12:00:00+01:00" })).toMatchObject({
      since: new Date("2026-12-01T00:00:00Z"), until: new Date("2026-12-01T11:00:00Z"),
    });
  });
});
