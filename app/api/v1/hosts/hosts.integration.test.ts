import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { call, tokenFor } from "@/tests/api/client";
import * as collection from "@/app/api/v1/hosts/route";
import * as item from "@/app/api/v1/hosts/[id]/route";
import * as networks from "@/app/api/v1/networks/route";
import * as network from "@/app/api/v1/networks/[id]/route";
import { getDb } from "@/lib/db/client";

useTestDatabase();
let token: string;
let net24: number;
let net16: number;
beforeAll(async () => {
  token = await tokenFor("editor");
  net16 = (await call(networks.POST, "POST", "/networks", { token, body: { network: "10.1.0.0/16" } })).body.id;
  net24 = (await call(networks.POST, "POST", "/networks", { token, body: { network: "10.1.1.0/24" } })).body.id;
});

const post = (body: unknown) => call(collection.POST, "POST", "/hosts", { token, body });
const at = (id: number) => ({ token, params: { id: String(id) } });

describe("POST /hosts", () => {
  it("canonicalizes, derives the most specific network, returns 201 + Location", async () => {
    const res = await post({ ip_address: " 10.1.1.20 ", hostname: "Web1", cname: "WWW, intranet", mac_address: "AA-BB-CC-00-00-01", description: "" });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/hosts/${res.body.id}`);
    expect(res.body).toMatchObject({
      ip_address: "10.1.1.20", family: 4, hostname: "web1", cname: "www,intranet", mac_address: "aa:bb:cc:00:00:01",
      description: null, status: "active", network_id: net24, last_seen: null,
    });
    const v6 = await post({ ip_address: "2001:DB8:0:0::0:5" });
    expect(v6.body).toMatchObject({ ip_address: "2001:db8::5", family: 6, network_id: null });
  });
  it("409 on a duplicate address (in any spelling) and on a duplicate MAC in the same family", async () => {
    await post({ ip_address: "10.1.2.1", mac_address: "aa:bb:cc:00:00:02" });
    expect((await post({ ip_address: "10.1.2.1" })).status).toBe(409);
    const mac = await post({ ip_address: "10.1.2.2", mac_address: "aabb.cc00.0002" });
    expect(mac.status).toBe(409);
    expect(mac.body.error.details.mac_address).toBeDefined();
    expect((await post({ ip_address: "2001:db8::2", mac_address: "aa:bb:cc:00:00:02" })).status).toBe(201);
  });
  it("422 on the IPv4 network or broadcast address of its network, but not in /31 or /32", async () => {
    expect((await post({ ip_address: "10.1.1.0" })).status).toBe(422);
    const bc = await post({ ip_address: "10.1.1.255" });
    expect(bc.status).toBe(422);
    expect(bc.body.error.details.ip_address[0]).toContain("broadcast address of 10.1.1.0/24");
    await call(networks.POST, "POST", "/networks", { token, body: { network: "10.1.3.0/31" } });
    expect((await post({ ip_address: "10.1.3.0" })).status).toBe(201);
  });
  it.each([
    [{ ip_address: "10.1.1.300" }, "ip_address"], [{ ip_address: "10.1.1.21", hostname: "-x" }, "hostname"],
    [{ ip_address: "10.1.1.21", hostname: "12345" }, "hostname"], [{ ip_address: "10.1.1.21", cname: "ok,bad_name" }, "cname"],
    [{ ip_address: "10.1.1.21", mac_address: "zz:bb:cc:dd:ee:ff" }, "mac_address"], [{ ip_address: "10.1.1.21", status: "gone" }, "status"],
    [{ ip_address: "10.1.1.21", network_id: 999999 }, "network_id"], [{ ip_address: "10.1.1.21", nickname: "x" }, "nickname"],
    [{ ip_address: "10.1.1.21", hostname: "web", cname: "web" }, "cname"], [{ ip_address: "10.1.1.21", description: "a\u0000b" }, "description"],
  ])("422 for %j", async (body, field) => {
    const res = await post(body);
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.details)).toContain(field);
  });
  it("422 when network_id does not contain the address", async () => {
    const res = await post({ ip_address: "10.1.5.5", network_id: net24 });
    expect(res.status).toBe(422);
    expect((await post({ ip_address: "10.1.5.5", network_id: net16 })).body.network_id).toBe(net16);
  });
  it("409 when an alias is another host's hostname or alias", async () => {
    await post({ ip_address: "10.1.6.1", hostname: "db1", cname: "sql" });
    expect((await post({ ip_address: "10.1.6.2", cname: "db1" })).status).toBe(409);
    expect((await post({ ip_address: "10.1.6.3", cname: "x1,sql" })).status).toBe(409);
  });
  it("bulk: all or nothing with per-index errors, duplicates inside the batch caught", async () => {
    const before = await getDb().host.count();
    const res = await post([{ ip_address: "10.1.7.1" }, { ip_address: "10.1.7.1" }, { ip_address: "nope" }]);
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.details)).toEqual(["2.ip_address"]);
    const dup = await post([{ ip_address: "10.1.7.1" }, { ip_address: "10.1.7.1" }]);
    expect(Object.keys(dup.body.error.details)).toEqual(["1.ip_address"]);
    expect(await getDb().host.count()).toBe(before);
    expect((await post([{ ip_address: "10.1.7.1" }, { ip_address: "10.1.7.2" }])).body.items).toHaveLength(2);
  });
});

describe("GET, PUT, PATCH, DELETE /hosts/{id}", () => {
  it("round-trips a GET body through PUT; PATCH merges; membership follows the address", async () => {
    const created = (await post({ ip_address: "10.1.8.8", hostname: "rt", last_seen: "2026-01-02T03:04:05Z", discovery_source: "arp" })).body;
    const fetched = (await call(item.GET, "GET", `/hosts/${created.id}`, at(created.id))).body;
    expect(fetched).toEqual({ ...created, last_seen: "2026-01-02T03:04:05.000Z" });
    const put = await call(item.PUT, "PUT", `/hosts/${created.id}`, { ...at(created.id), body: fetched });
    expect(put.status).toBe(200);
    const moved = await call(item.PATCH, "PATCH", `/hosts/${created.id}`, { ...at(created.id), body: { ip_address: "10.1.1.88" } });
    expect(moved.body).toMatchObject({ ip_address: "10.1.1.88", hostname: "rt", network_id: net24, discovery_source: "arp" });
    const cleared = await call(item.PUT, "PUT", `/hosts/${created.id}`, { ...at(created.id), body: { ip_address: "10.1.1.88" } });
    expect(cleared.body).toMatchObject({ hostname: null, discovery_source: null, status: "active" });
    expect((await call(item.PATCH, "PATCH", `/hosts/${created.id}`, { ...at(created.id), body: [] })).status).toBe(422);
  });
  it("DELETE then 404", async () => {
    const { id } = (await post({ ip_address: "10.1.9.9" })).body;
    expect((await call(item.DELETE, "DELETE", `/hosts/${id}`, at(id))).status).toBe(204);
    expect((await call(item.GET, "GET", `/hosts/${id}`, at(id))).status).toBe(404);
    expect((await call(item.DELETE, "DELETE", `/hosts/${id}`, at(id))).status).toBe(404);
  });
  it("deleting the inner network moves its hosts to the outer one", async () => {
    const inner = (await call(networks.POST, "POST", "/networks", { token, body: { network: "10.1.200.0/24" } })).body.id;
    const host = (await post({ ip_address: "10.1.200.1" })).body;
    expect(host.network_id).toBe(inner);
    await getDb().host.update({ where: { id: host.id }, data: { networkId: null } });
    await call(network.DELETE, "DELETE", `/networks/${inner}`, at(inner));
    expect((await call(item.GET, "GET", `/hosts/${host.id}`, at(host.id))).body.network_id).toBe(net16);
  });
});

describe("GET /hosts", () => {
  it("sorts addresses numerically (IPv4 before IPv6) and filters", async () => {
    await post([
      { ip_address: "10.3.0.10", hostname: "s10", status: "reserved", cname: "alias-a,alias-b" },
      { ip_address: "10.3.0.2", hostname: "s2", status: "reserved" },
      { ip_address: "fd00::3", hostname: "s6", status: "reserved", mac_address: "02:00:00:00:00:03" },
    ]);
    const list = (query: Record<string, string>) => call(collection.GET, "GET", "/hosts", { token, query });
    const reserved = await list({ status: "reserved", sort: "ip_address" });
    expect(reserved.body.items.map((h: { ip_address: string }) => h.ip_address)).toEqual(["10.3.0.2", "10.3.0.10", "fd00::3"]);
    expect((await list({ status: "reserved", sort: "-ip_address" })).body.items[0].ip_address).toBe("fd00::3");
    expect((await list({ cname: "alias-b" })).body.total).toBe(1);
    expect((await list({ cname: "alias" })).body.total).toBe(0);
    expect((await list({ hostname: "S2" })).body.total).toBe(1);
    expect((await list({ mac_address: "02-00-00-00-00-03" })).body.total).toBe(1);
    expect((await list({ q: "ALIAS-A" })).body.total).toBe(1);
    expect((await list({ q: "10.3.0.1" })).body.total).toBe(1);
    expect((await list({ family: "6", status: "reserved" })).body.total).toBe(1);
    expect((await list({ network_id: "null", status: "reserved" })).body.total).toBe(3);
    expect((await list({ network_id: String(net24), per_page: "1" })).body.per_page).toBe(1);
    expect((await list({ per_page: "abc" })).status).toBe(400);
    expect((await list({ q: "%" })).body.total).toBe(0);
  });
  it("q finds addresses and MACs typed in another spelling", async () => {
    await post([
      { ip_address: "fd00:77::5", hostname: "spell6", mac_address: "02:77:00:00:00:05" },
      { ip_address: "10.77.0.5", hostname: "spell4", mac_address: "02:77:00:00:00:06" },
    ]);
    const q = async (text: string) =>
      (await call(collection.GET, "GET", "/hosts", { token, query: { q: text } })).body.items.map((h: { hostname: string }) => h.hostname);
    expect(await q("FD00:77:0::5")).toEqual(["spell6"]);
    expect(await q("fd00:0077::5")).toEqual(["spell6"]);
    expect(await q("02-77-00-00-00-05")).toEqual(["spell6"]);
    expect(await q("0277.0000.0006")).toEqual(["spell4"]);
    expect(await q("02-77-00")).toEqual(["spell4", "spell6"]);
  });
  // Changed by issue 9 (names by FQDN, one namespace): a hostname equal to another host's
  // alias used to be accepted on write; it is now a 409 naming that host, in both directions.
  it("a hostname equal to another host's alias is refused, and the alias's host stays editable", async () => {
    const a = (await post({ ip_address: "10.1.11.1", hostname: "keeper", cname: "shared-name" })).body;
    const clash = await post({ ip_address: "10.1.11.2", hostname: "shared-name" });
    expect(clash.status).toBe(409);
    expect(clash.body.error.details.hostname[0]).toContain(`host ${a.id}`);
    const patched = await call(item.PATCH, "PATCH", `/hosts/${a.id}`, { ...at(a.id), body: { description: "still mine" } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ description: "still mine", cname: "shared-name" });
    const put = await call(item.PUT, "PUT", `/hosts/${a.id}`, { ...at(a.id), body: patched.body });
    expect(put.status).toBe(200);
    // Adding an alias that is a hostname is refused, and nothing changes.
    await post({ ip_address: "10.1.11.3", hostname: "other-host" });
    const added = await call(item.PATCH, "PATCH", `/hosts/${a.id}`, { ...at(a.id), body: { cname: "shared-name,other-host", description: "x" } });
    expect(added.status).toBe(409);
    expect(added.body.error.details.cname[0]).toContain("other-host");
    expect((await call(item.GET, "GET", `/hosts/${a.id}`, at(a.id))).body).toMatchObject({ cname: "shared-name", description: "still mine" });
  });
});
