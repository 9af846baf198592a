import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { call, tokenFor } from "@/tests/api/client";
import * as collection from "@/app/api/v1/networks/route";
import * as item from "@/app/api/v1/networks/[id]/route";
import * as networkHosts from "@/app/api/v1/networks/[id]/hosts/route";
import * as availableSubnets from "@/app/api/v1/networks/[id]/available-subnets/route";
import * as freeBlocks from "@/app/api/v1/networks/[id]/free-blocks/route";
import * as subnets from "@/app/api/v1/networks/[id]/subnets/route";
import * as hosts from "@/app/api/v1/hosts/route";
import { getDb } from "@/lib/db/client";

useTestDatabase();
let token: string;
beforeAll(async () => {
  token = await tokenFor("editor");
});

const post = (body: unknown) => call(collection.POST, "POST", "/networks", { token, body });
const get = (id: number) => call(item.GET, "GET", `/networks/${id}`, { token, params: { id: String(id) } });
const addHost = (ip_address: string) => call(hosts.POST, "POST", "/hosts", { token, body: { ip_address } });

describe("POST /networks", () => {
  it("creates from address + cidr with derived fields and a Location", async () => {
    const res = await post({ network: "192.168.10.0", cidr: 24, name: "office", vlan_id: "10", gateway: "192.168.10.1", domain: "Office.Example.com" });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/networks/${res.body.id}`);
    expect(res.body).toMatchObject({
      network: "192.168.10.0", cidr: 24, prefix: "192.168.10.0/24", family: 4, broadcast_address: "192.168.10.255",
      netmask: "255.255.255.0", name: "office", domain: "office.example.com", vlan_id: 10, parent_id: null,
      total_hosts: 254, used_hosts: 0, available_hosts: 254, utilization: 0,
    });
    expect(res.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
  });
  it("creates from a prefix; IPv6 has no broadcast/netmask and exact big counts as strings", async () => {
    const res = await post({ network: "2001:DB8:0::/48" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ network: "2001:db8::", cidr: 48, family: 6, broadcast_address: null, netmask: null });
    expect(res.body.total_hosts).toBe((2n ** 80n - 1n).toString());
    expect(res.body.available_hosts).toBe((2n ** 80n - 1n).toString());
  });
  it("409 on the same prefix twice", async () => {
    await post({ network: "172.16.0.0/16" });
    const res = await post({ network: "172.16.0.0", cidr: 16 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("conflict");
  });
  it("422 naming the intended network when host bits are set", async () => {
    const res = await post({ network: "10.9.8.7/24" });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_error");
    expect(res.body.error.message).toContain("10.9.8.0/24");
    expect(res.body.error.details.network[0]).toContain("10.9.8.0/24");
  });
  it.each([
    [{ gateway: "10.50.1.1" }, "gateway"], [{ gateway: "10.50.0.0" }, "gateway"], [{ gateway: "10.50.0.255" }, "gateway"],
    [{ dhcp_start: "10.50.0.200", dhcp_end: "10.50.0.100" }, "dhcp_end"], [{ dhcp_start: "10.50.0.0", dhcp_end: "10.50.0.9" }, "dhcp_start"],
    [{ vlan_id: 4095 }, "vlan_id"], [{ colour: "red" }, "colour"], [{ name: "a\nb" }, "name"], [{ domain: "-bad" }, "domain"],
  ])("422 for %j", async (extra, field) => {
    const res = await post({ network: "10.50.0.0/24", ...extra });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.details)).toContain(field);
  });
  it("400 on malformed JSON, 413 on a huge body, nothing created", async () => {
    const before = await getDb().network.count();
    expect((await call(collection.POST, "POST", "/networks", { token, rawBody: "{nope" })).body.error.code).toBe("bad_request");
    const big = await call(collection.POST, "POST", "/networks", { token, rawBody: JSON.stringify({ description: "x".repeat(6 * 1024 * 1024) }) });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe("payload_too_large");
    expect(await getDb().network.count()).toBe(before);
  });
  it("bulk: all or nothing with errors per index", async () => {
    const before = await getDb().network.count();
    const bad = await post([{ network: "10.60.0.0/24" }, { network: "10.60.1.5/24" }, { network: "10.60.0.0/24" }]);
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.details)).toEqual(["1.network"]);
    const dup = await post([{ network: "10.60.0.0/24" }, { network: "10.60.0.0/24" }]);
    expect(dup.status).toBe(422);
    expect(Object.keys(dup.body.error.details)).toEqual(["1.network"]);
    expect(await getDb().network.count()).toBe(before);
    const ok = await post([{ network: "10.60.0.0/16" }, { network: "10.60.1.0/24" }]);
    expect(ok.status).toBe(201);
    expect(ok.body.items).toHaveLength(2);
    expect(ok.body.items[1].parent_id).toBe(ok.body.items[0].id);
  });
});

describe("GET, PUT, PATCH, DELETE /networks/{id}", () => {
  it("round-trips a GET body through PUT unchanged", async () => {
    const created = (await post({ network: "10.70.0.0/24", name: "rt", dhcp_start: "10.70.0.100", dhcp_end: "10.70.0.150" })).body;
    const fetched = await get(created.id);
    expect(fetched.body).toEqual(created);
    const put = await call(item.PUT, "PUT", `/networks/${created.id}`, { token, params: { id: String(created.id) }, body: fetched.body });
    expect(put.status).toBe(200);
    expect({ ...put.body, updated_at: created.updated_at }).toEqual(created);
  });
  it("PATCH changes only what is sent; PUT clears what is omitted", async () => {
    const { id } = (await post({ network: "10.71.0.0/24", name: "n", location: "rack 1" })).body;
    const params = { id: String(id) };
    const patched = await call(item.PATCH, "PATCH", `/networks/${id}`, { token, params, body: { name: "renamed" } });
    expect(patched.body).toMatchObject({ name: "renamed", location: "rack 1" });
    const put = await call(item.PUT, "PUT", `/networks/${id}`, { token, params, body: { network: "10.71.0.0/24" } });
    expect(put.body).toMatchObject({ name: null, location: null });
    const badPatch = await call(item.PATCH, "PATCH", `/networks/${id}`, { token, params, body: { gateway: "10.72.0.1" } });
    expect(badPatch.status).toBe(422);
  });
  it("409 when a prefix change would strand hosts; growing adopts hosts", async () => {
    const { id } = (await post({ network: "10.80.0.0/24" })).body;
    const params = { id: String(id) };
    const host = (await addHost("10.80.0.200")).body;
    expect(host.network_id).toBe(id);
    const shrink = await call(item.PATCH, "PATCH", `/networks/${id}`, { token, params, body: { network: "10.80.0.0/25" } });
    expect(shrink.status).toBe(409);
    const outsider = (await addHost("10.80.1.7")).body;
    expect(outsider.network_id).toBeNull();
    const grow = await call(item.PATCH, "PATCH", `/networks/${id}`, { token, params, body: { cidr: 23 } });
    expect(grow.status).toBe(200);
    expect(grow.body.used_hosts).toBe(2);
  });
  it("DELETE: 409 network_not_empty with hosts, 204 when empty, then 404", async () => {
    const { id } = (await post({ network: "10.90.0.0/24" })).body;
    const params = { id: String(id) };
    const host = (await addHost("10.90.0.9")).body;
    const blocked = await call(item.DELETE, "DELETE", `/networks/${id}`, { token, params });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe("network_not_empty");
    await getDb().host.delete({ where: { id: host.id } });
    expect((await call(item.DELETE, "DELETE", `/networks/${id}`, { token, params })).status).toBe(204);
    const gone = await get(id);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe("not_found");
    expect((await call(item.GET, "GET", "/networks/abc", { token, params: { id: "abc" } })).status).toBe(404);
  });
});

describe("GET /networks lists", () => {
  it("filters, sorts numerically and paginates", async () => {
    await post([
      { network: "100.64.10.0/24", name: "list-b", vlan_id: 7, location: "dc2" },
      { network: "100.64.2.0/24", name: "list-a", vlan_id: 7, location: "dc1" },
      { network: "fd00:7::/64", name: "list-c", vlan_id: 7 },
    ]);
    const list = (query: Record<string, string>) => call(collection.GET, "GET", "/networks", { token, query });
    const byVlan = await list({ vlan_id: "7" });
    expect(byVlan.body.items.map((n: { prefix: string }) => n.prefix)).toEqual(["100.64.2.0/24", "100.64.10.0/24", "fd00:7::/64"]);
    expect((await list({ vlan_id: "7", sort: "-network" })).body.items[0].prefix).toBe("fd00:7::/64");
    expect((await list({ vlan_id: "7", family: "6" })).body.total).toBe(1);
    expect((await list({ q: "LIST-B" })).body.items.map((n: { name: string }) => n.name)).toEqual(["list-b"]);
    expect((await list({ q: "100.64.2" })).body.total).toBe(1);
    expect((await list({ q: "FD00:0007:0::" })).body.items.map((n: { name: string }) => n.name)).toEqual(["list-c"]);
    expect((await list({ location: "dc1" })).body.total).toBe(1);
    const page = await list({ vlan_id: "7", per_page: "2", page: "2" });
    expect(page.body).toMatchObject({ total: 3, page: 2, per_page: 2, pages: 2 });
    expect(page.body.items).toHaveLength(1);
  });
  it.each([{ per_page: "abc" }, { per_page: "0" }, { per_page: "1001" }, { sort: "nope" }, { page: "-1" }, { family: "5" }])(
    "400 bad_request for %j", async (query) => {
      const res = await call(collection.GET, "GET", "/networks", { token, query });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("bad_request");
    });
  it("GET /networks/{id}/hosts pages the hosts directly in the network", async () => {
    const { id } = (await post({ network: "10.99.0.0/24" })).body;
    for (const ip of ["10.99.0.10", "10.99.0.2", "10.99.0.3"]) await addHost(ip);
    const res = await call(networkHosts.GET, "GET", `/networks/${id}/hosts`, { token, params: { id: String(id) }, query: { per_page: 2 } });
    expect(res.body.items.map((h: { ip_address: string }) => h.ip_address)).toEqual(["10.99.0.2", "10.99.0.3"]);
    expect(res.body).toMatchObject({ total: 3, pages: 2 });
    expect((await call(networkHosts.GET, "GET", "/networks/999999/hosts", { token, params: { id: "999999" } })).status).toBe(404);
  });
});

describe("planner and container routes", () => {
  it("available-subnets?empty_only, free-blocks, status and the 409s over HTTP", async () => {
    const { id } = (await post({ network: "10.98.0.0/24", dhcp_start: "10.98.0.200", dhcp_end: "10.98.0.250" })).body;
    await addHost("10.98.0.5");
    const plan = (query: Record<string, string>) => call(availableSubnets.GET, "GET", `/networks/${id}/available-subnets`, { token, params: { id: String(id) }, query });
    expect((await plan({ cidr: "26" })).body.items).toEqual([{ prefix: "10.98.0.0/26", hosts: 1 }, { prefix: "10.98.0.64/26", hosts: 0 }, { prefix: "10.98.0.128/26", hosts: 0 }]);
    expect((await plan({ cidr: "26", empty_only: "true" })).body.items.map((i: { prefix: string }) => i.prefix)).toEqual(["10.98.0.64/26", "10.98.0.128/26"]);
    expect((await plan({ cidr: "26", empty_only: "yes" })).status).toBe(400);

    const child = await post({ network: "10.98.0.192/26" });
    expect(child.status).toBe(409);
    expect(child.body.error.message).toBe("10.98.0.192/26 overlaps the DHCP pool 10.98.0.200–10.98.0.250 of 10.98.0.0/24");
    const container = await call(item.PATCH, "PATCH", `/networks/${id}`, { token, params: { id: String(id) }, body: { status: "container" } });
    expect(container.status).toBe(409);
    expect(container.body.error.details).toMatchObject({ status: [expect.stringContaining("host 10.98.0.5")] });

    const blocks = await call(freeBlocks.GET, "GET", `/networks/${id}/free-blocks`, { token, params: { id: String(id) }, query: { limit: "2" } });
    expect(blocks.body.items).toEqual([{ prefix: "10.98.0.0/25", hosts: 1 }, { prefix: "10.98.0.128/26", hosts: 0 }]);
    const made = await call(subnets.POST, "POST", `/networks/${id}/subnets`, { token, params: { id: String(id) }, body: { cidr: 26, status: "reserved" } });
    expect(made.body).toMatchObject({ prefix: "10.98.0.0/26", status: "reserved", used_hosts: 1 });
  });
});
