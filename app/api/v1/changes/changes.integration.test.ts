import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { call } from "@/tests/api/client";
import { userWithToken, type OwnedToken } from "@/tests/api/owned-token";
import { getDb } from "@/lib/db/client";
import * as networks from "@/app/api/v1/networks/route";
import * as hosts from "@/app/api/v1/hosts/route";
import * as users from "@/app/api/v1/users/route";
import * as changes from "@/app/api/v1/changes/route";
import * as change from "@/app/api/v1/changes/[id]/route";
import * as groups from "@/app/api/v1/changes/groups/route";

// The change log through the API: an answer's X-Request-ID is the request_id
// of the records the call wrote, X-Change-Message is stored (a bad one is a
// 422 that writes nothing), bad queries are 400s, and users' records stay
// an admin's.

useTestDatabase();

let editor: OwnedToken;
let viewer: OwnedToken;
let admin: OwnedToken;

beforeAll(async () => {
  [editor, viewer, admin] = [await userWithToken("editor"), await userWithToken("viewer"), await userWithToken("admin")];
  expect((await call(networks.POST, "POST", "/networks", { token: editor.token, body: { network: "10.66.0.0/24" } })).status).toBe(201);
});

const recordsOf = async (requestId: string, token = editor.token) =>
  (await call(changes.GET, "GET", "/changes", { token, query: { request_id: requestId } })).body.items as Array<Record<string, any>>;

describe("GET /api/v1/changes", () => {
  it("a write's X-Request-ID is the request_id of each record it made, with its X-Change-Message", async () => {
    const made = await call(hosts.POST, "POST", "/hosts", {
      token: editor.token, headers: { "X-Change-Message": encodeURIComponent("new web pair – ticket #12") },
      body: [{ ip_address: "10.66.0.5", hostname: "web1" }, { ip_address: "10.66.0.6", hostname: "web2" }],
    });
    expect(made.status).toBe(201);
    const requestId = made.headers.get("x-request-id")!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const records = await recordsOf(requestId);
    expect(records.map((r) => r.object_repr).sort()).toEqual(["10.66.0.5 web1", "10.66.0.6 web2"]);
    for (const r of records) {
      expect(r).toMatchObject({ request_id: requestId, source: "api", action: "create", message: "new web pair – ticket #12",
        actor: { kind: "token", id: editor.id }, before: null });
    }
    const one = await call(change.GET, "GET", "", { token: viewer.token, params: { id: String(records[0].id) } });
    expect(one.status).toBe(200);
    expect(one.body).toEqual(records[0]);
    expect(one.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    const grouped = await call(groups.GET, "GET", "/changes/groups", { token: viewer.token, query: { request_id: requestId } });
    expect(grouped.body.items).toEqual([expect.objectContaining({ request_id: requestId, count: 2, summary: [{ object_type: "host", action: "create", count: 2 }] })]);
  });

  it("a bad X-Change-Message is a 422 and writes nothing", async () => {
    const before = await getDb().changeLog.count();
    const bad = await call(hosts.POST, "POST", "/hosts", { token: editor.token, headers: { "X-Change-Message": "%E0%A4%A" }, body: { ip_address: "10.66.0.9" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toHaveProperty("X-Change-Message");
    const tooLong = await call(hosts.POST, "POST", "/hosts", { token: editor.token, headers: { "X-Change-Message": "x".repeat(501) }, body: { ip_address: "10.66.0.9" } });
    expect(tooLong.status).toBe(422);
    expect(await getDb().host.count({ where: { ipAddress: "10.66.0.9" } })).toBe(0);
    expect(await getDb().changeLog.count()).toBe(before);
    expect(bad.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("bad query parameters are a 400 naming the parameter", async () => {
    for (const [query, field] of [
      [{ per_page: "0" }, "per_page"], [{ object_type: "vlan" }, "object_type"], [{ request_id: "3f2" }, "request_id"],
      [{ since: "last week" }, "since"], [{ action: "move" }, "action"], [{ object_id: "-1" }, "object_id"],
    ] as const) {
      for (const handler of [changes.GET, groups.GET]) {
        const res = await call(handler, "GET", "/changes", { token: viewer.token, query });
        expect(res.status, JSON.stringify(query)).toBe(400);
        expect(res.body.error.message).toContain(field);
      }
    }
  });

  it("404 for an unknown or malformed id; a user's record is an admin's only", async () => {
    for (const id of ["999999", "abc", "0"]) {
      expect((await call(change.GET, "GET", "", { token: admin.token, params: { id } })).status).toBe(404);
    }
    const made = await call(users.POST, "POST", "/users", { token: admin.token, body: { email: "seen@example.test", role: "viewer" } });
    expect(made.status).toBe(201);
    const requestId = made.headers.get("x-request-id")!;
    const [record] = await recordsOf(requestId, admin.token);
    expect(record).toMatchObject({ object_type: "user", action: "create", object_repr: "seen@example.test" });
    expect(JSON.stringify(record)).not.toMatch(/hash/i);
    for (const token of [viewer.token, editor.token]) {
      expect((await call(change.GET, "GET", "", { token, params: { id: String(record.id) } })).status).toBe(404);
      expect(await recordsOf(requestId, token)).toEqual([]);
      const all = await call(changes.GET, "GET", "/changes", { token, query: { per_page: 1000 } });
      expect(all.body.items.some((r: { object_type: string }) => r.object_type === "user" || r.object_type === "api_token")).toBe(false);
    }
    expect((await call(change.GET, "GET", "", { token: admin.token, params: { id: String(record.id) } })).body).toEqual(record);
  });
});
