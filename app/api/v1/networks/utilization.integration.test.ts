import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { call, tokenFor } from "@/tests/api/client";
import * as collection from "@/app/api/v1/networks/route";
import * as item from "@/app/api/v1/networks/[id]/route";
import * as hosts from "@/app/api/v1/hosts/route";
import { getDb } from "@/lib/db/client";
import { loadEnv, overrideEnv } from "@/lib/env";
import { listChanges } from "@/lib/services/changes/list-changes";
import { changeListQuery } from "@/lib/schemas/change";

// Issue 13 D "Utilization at a glance": a per-network threshold (null = the
// UTILIZATION_WARN_PERCENT default), `over_threshold` on every network, and
// the list filters utilization_gte and over_threshold, on both engines.

useTestDatabase();
let token: string;
beforeAll(async () => {
  token = await tokenFor("editor");
});
const defaultPercent = String(loadEnv().UTILIZATION_WARN_PERCENT);
afterEach(() => overrideEnv({ UTILIZATION_WARN_PERCENT: defaultPercent }));

const post = (body: unknown) => call(collection.POST, "POST", "/networks", { token, body });
const list = (query: Record<string, string | number>) => call(collection.GET, "GET", "/networks", { token, query: { per_page: 1000, ...query } });
const get = (id: number) => call(item.GET, "GET", `/networks/${id}`, { token, params: { id: String(id) } });
const patch = (id: number, body: unknown) => call(item.PATCH, "PATCH", `/networks/${id}`, { token, params: { id: String(id) }, body });

async function networkWithHosts(prefix: string, addresses: string[], extra: Record<string, unknown> = {}) {
  const created = await post({ network: prefix, ...extra });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  for (const ip_address of addresses) expect((await call(hosts.POST, "POST", "/hosts", { token, body: { ip_address } })).status).toBe(201);
  return (await get(created.body.id)).body;
}

const prefixes = (res: { body: { items: Array<{ prefix: string }> } }) => res.body.items.map((n) => n.prefix).sort();

describe("the utilization threshold", () => {
  it.each([
    [0], [101], [-5], [50.5], ["high"], [true],
  ])("422 for utilization_threshold %j, nothing written", async (value) => {
    const before = await getDb().network.count();
    const res = await post({ network: "10.200.0.0/24", utilization_threshold: value });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_error");
    expect(res.body.error.details.utilization_threshold[0]).toBe("Utilization threshold must be a whole number from 1 to 100");
    expect(await getDb().network.count()).toBe(before);
  });

  it("defaults to UTILIZATION_WARN_PERCENT; a network's own threshold wins; at the threshold counts as over", async () => {
    // A /29 has 6 usable addresses: 5 hosts are 83.33%.
    const byDefault = await networkWithHosts("10.201.0.0/29", ["10.201.0.1", "10.201.0.2", "10.201.0.3", "10.201.0.4", "10.201.0.5"]);
    expect(byDefault).toMatchObject({ utilization: 83.33, utilization_threshold: null, over_threshold: true });
    const ownHigher = await networkWithHosts("10.201.0.8/29", ["10.201.0.9", "10.201.0.10", "10.201.0.11", "10.201.0.12", "10.201.0.13"], { utilization_threshold: 90 });
    expect(ownHigher).toMatchObject({ utilization: 83.33, utilization_threshold: 90, over_threshold: false });
    const atOwn = await networkWithHosts("10.201.0.16/29", ["10.201.0.17", "10.201.0.18", "10.201.0.19"], { utilization_threshold: "50" });
    expect(atOwn).toMatchObject({ utilization: 50, utilization_threshold: 50, over_threshold: true });

    // The default moves with the environment; an own threshold does not.
    overrideEnv({ UTILIZATION_WARN_PERCENT: "90" });
    expect((await get(byDefault.id)).body.over_threshold).toBe(false);
    expect((await get(atOwn.id)).body.over_threshold).toBe(true);

    // PATCH sets and clears it ("" and null mean the default), and the change log records it.
    expect((await patch(byDefault.id, { utilization_threshold: 80 })).body).toMatchObject({ utilization_threshold: 80, over_threshold: true });
    expect((await patch(byDefault.id, { utilization_threshold: "" })).body).toMatchObject({ utilization_threshold: null, over_threshold: false });
    expect((await patch(byDefault.id, { utilization_threshold: 0 })).status).toBe(422);
    const viewer = { kind: "token" as const, id: 1, name: "t", role: "viewer" as const };
    const records = await listChanges(viewer, changeListQuery.parse({ object_type: "network", object_id: String(byDefault.id) }));
    const [cleared, set] = records.items;
    const edited = (fields: string[]) => fields.filter((f) => f !== "updated_at");
    expect(set).toMatchObject({ action: "update", before: { utilization_threshold: null }, after: { utilization_threshold: 80 } });
    expect(edited(set.changed_fields)).toEqual(["utilization_threshold"]);
    expect(cleared).toMatchObject({ before: { utilization_threshold: 80 }, after: { utilization_threshold: null } });
    expect(edited(cleared.changed_fields)).toEqual(["utilization_threshold"]);

    // A PUT without the field returns to the default, like any other optional field.
    const put = await call(item.PUT, "PUT", `/networks/${ownHigher.id}`, { token, params: { id: String(ownHigher.id) }, body: { network: "10.201.0.8/29" } });
    expect(put.body).toMatchObject({ utilization_threshold: null, over_threshold: false });
  });
});

describe("GET /networks?utilization_gte= and over_threshold=", () => {
  let all: Array<{ id: number; prefix: string; utilization: number; over_threshold: boolean; family: number }>;
  beforeAll(async () => {
    // 4 of 6 usable (66.66%), 6 of 6 (100%), none (0%).
    await networkWithHosts("10.210.0.0/29", ["10.210.0.1", "10.210.0.2", "10.210.0.3", "10.210.0.4"]);
    await networkWithHosts("10.210.0.8/29", ["10.210.0.9", "10.210.0.10", "10.210.0.11", "10.210.0.12", "10.210.0.13", "10.210.0.14"]);
    await networkWithHosts("10.210.1.0/24", []);
    // IPv6: a /126 has 3 usable addresses (the subnet-router anycast one is not): 2 hosts are 66.66% (percent is truncated to 2 decimals); own threshold 60.
    await networkWithHosts("2001:db8:210::/126", ["2001:db8:210::1", "2001:db8:210::2"], { utilization_threshold: 60 });
    await networkWithHosts("2001:db8:211::/64", ["2001:db8:211::1"]);
    // A container is as full as its children cover it: half.
    await post({ network: "10.220.0.0/24", status: "container" });
    await post({ network: "10.220.0.0/25" });
    all = (await list({})).body.items;
  });

  it("lists exactly the networks whose utilization (as the API shows it) is at least N", async () => {
    expect(all.find((n) => n.prefix === "2001:db8:210::/126")).toMatchObject({ utilization: 66.66, utilization_threshold: 60, over_threshold: true });
    expect(all.find((n) => n.prefix === "10.220.0.0/24")).toMatchObject({ utilization: 50 });
    for (const n of [0, 1, 50, 66, 67, 75, 80, 100]) {
      const res = await list({ utilization_gte: n });
      expect(res.status).toBe(200);
      expect(prefixes(res), `utilization_gte=${n}`).toEqual(all.filter((x) => x.utilization >= n).map((x) => x.prefix).sort());
      expect(res.body.total).toBe(all.filter((x) => x.utilization >= n).length);
    }
    expect(prefixes(await list({ utilization_gte: 66 }))).toEqual(expect.arrayContaining(["10.210.0.0/29", "10.210.0.8/29", "2001:db8:210::/126"]));
    expect(prefixes(await list({ utilization_gte: 67 }))).not.toContain("2001:db8:210::/126");
  });

  it("combines with the other filters and pages over the filtered set", async () => {
    expect(prefixes(await list({ utilization_gte: 60, family: 6 }))).toEqual(["2001:db8:210::/126"]);
    expect(prefixes(await list({ utilization_gte: 60, q: "10.210" }))).toEqual(["10.210.0.0/29", "10.210.0.8/29"]);
    const first = await list({ utilization_gte: 60, q: "10.210", per_page: 1, sort: "network" });
    const second = await list({ utilization_gte: 60, q: "10.210", per_page: 1, page: 2, sort: "network" });
    expect(first.body.total).toBe(2);
    expect([first.body.items[0].prefix, second.body.items[0].prefix]).toEqual(["10.210.0.0/29", "10.210.0.8/29"]);
  });

  it("over_threshold=true lists the flagged networks, false the others", async () => {
    const over = await list({ over_threshold: "true" });
    expect(prefixes(over)).toEqual(all.filter((x) => x.over_threshold).map((x) => x.prefix).sort());
    expect(prefixes(over)).toEqual(expect.arrayContaining(["10.210.0.8/29", "2001:db8:210::/126"]));
    expect(prefixes(over)).not.toContain("10.210.0.0/29");
    expect(prefixes(await list({ over_threshold: "false" }))).toEqual(all.filter((x) => !x.over_threshold).map((x) => x.prefix).sort());
    // The default is read per request: at 60% the 66.67% network is flagged too.
    overrideEnv({ UTILIZATION_WARN_PERCENT: "60" });
    expect(prefixes(await list({ over_threshold: "true", family: 4, q: "10.210" }))).toEqual(["10.210.0.0/29", "10.210.0.8/29"]);
  });

  it.each([
    [{ utilization_gte: "101" }], [{ utilization_gte: "-1" }], [{ utilization_gte: "high" }], [{ over_threshold: "yes" }],
  ])("400 bad_request for %j", async (query) => {
    const res = await call(collection.GET, "GET", "/networks", { token, query });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("bad_request");
  });
});
