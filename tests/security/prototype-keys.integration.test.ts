import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { call, tokenFor } from "@/tests/api/client";
import { send } from "@/plugins/testing/http";
import * as hosts from "@/app/api/v1/hosts/route";
import * as host from "@/app/api/v1/hosts/[id]/route";
import * as networks from "@/app/api/v1/networks/route";
import * as network from "@/app/api/v1/networks/[id]/route";
import * as importer from "@/app/api/v1/import/[name]/route";
import { getDb } from "@/lib/db/client";

// Issue 11 A.5: an unknown key named like an Object.prototype member must be
// refused like any other unknown key (422 naming it), not crash an error
// accumulator into a 500. Bodies are sent as raw JSON text: a JS object
// literal `{ __proto__: 1 }` would set a prototype, not a key.

useTestDatabase();
const KEYS = ["toString", "constructor", "__proto__", "valueOf", "hasOwnProperty"];
let token: string;
let hostId: number;
let networkId: number;
beforeAll(async () => {
  token = await tokenFor("editor");
  networkId = (await call(networks.POST, "POST", "/networks", { token, body: { network: "10.0.0.0/24" } })).body.id;
  hostId = (await call(hosts.POST, "POST", "/hosts", { token, body: { ip_address: "10.0.0.10" } })).body.id;
});

const withKey = (json: string, key: string) => `${json.slice(0, -1)},${JSON.stringify(key)}:1}`;

async function expectRefused(res: { status: number; body: any }, key: string, path = key) {
  expect(res.status, JSON.stringify(res.body)).toBe(422);
  expect(Object.keys(res.body.error.details)).toContain(path);
}

describe.each(KEYS)("unknown key %s", (key) => {
  it("POST /hosts: 422, nothing written", async () => {
    const before = await getDb().host.count();
    await expectRefused(await call(hosts.POST, "POST", "/hosts", { token, rawBody: withKey('{"ip_address":"10.0.0.150"}', key) }), key);
    expect(await getDb().host.count()).toBe(before);
  });
  it("POST /networks: 422, nothing written", async () => {
    const before = await getDb().network.count();
    await expectRefused(await call(networks.POST, "POST", "/networks", { token, rawBody: withKey('{"network":"10.9.0.0/24"}', key) }), key);
    expect(await getDb().network.count()).toBe(before);
  });
  it("bulk POST /hosts: 422 keyed by index, nothing written", async () => {
    const before = await getDb().host.count();
    const body = `[{"ip_address":"10.0.0.151"},${withKey('{"ip_address":"10.0.0.152"}', key)}]`;
    await expectRefused(await call(hosts.POST, "POST", "/hosts", { token, rawBody: body }), key, `1.${key}`);
    expect(await getDb().host.count()).toBe(before);
  });
  it("bulk POST /networks: 422 keyed by index", async () => {
    const body = `[${withKey('{"network":"10.8.0.0/24"}', key)}]`;
    await expectRefused(await call(networks.POST, "POST", "/networks", { token, rawBody: body }), key, `0.${key}`);
  });
  it("PATCH /hosts/{id} and /networks/{id}: 422, unchanged", async () => {
    const h = await call(host.PATCH, "PATCH", `/hosts/${hostId}`, { token, params: { id: String(hostId) }, rawBody: withKey('{"hostname":"changed"}', key) });
    await expectRefused(h, key);
    expect((await getDb().host.findUniqueOrThrow({ where: { id: hostId } })).hostname).toBeNull();
    const n = await call(network.PATCH, "PATCH", `/networks/${networkId}`, { token, params: { id: String(networkId) }, rawBody: withKey('{"name":"changed"}', key) });
    await expectRefused(n, key);
  });
  it("JSON import row (array and {data}): 422 naming the key, nothing written", async () => {
    const before = await getDb().host.count();
    // An object value too: as a prototype its fields would pass for the row's own.
    const row = '{"ip_address":"10.0.0.160"}';
    const withObject = `${row.slice(0, -1)},${JSON.stringify(key)}:{"hostname":"smuggled"}}`;
    for (const rows of [`[${withKey(row, key)}]`, `{"data":[${withObject}]}`]) {
      const res = await send(importer.POST, "POST", "/import/json", { token, params: { name: "json" }, body: rows, headers: { "content-type": "application/json" } });
      expect(res.status, JSON.stringify(res.json)).toBe(422);
      expect(res.json.error.details.rows).toContainEqual({ row: 1, field: key, message: "Unknown field" });
    }
    expect(await getDb().host.count()).toBe(before);
  });
  it("CSV import column: 422 naming the column, nothing written", async () => {
    const before = await getDb().host.count();
    const res = await send(importer.POST, "POST", "/import/csv", { token, params: { name: "csv" }, body: `ip_address,${key}\n10.0.0.161,1\n`, headers: { "content-type": "text/csv" } });
    expect(res.status, JSON.stringify(res.json)).toBe(422);
    expect(res.json.error.details.rows[0]).toMatchObject({ row: 1, field: key });
    expect(await getDb().host.count()).toBe(before);
  });
});
