import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { call, tokenFor } from "@/tests/api/client";
import * as networks from "@/app/api/v1/networks/route";
import * as hosts from "@/app/api/v1/hosts/route";
import * as nextIp from "@/app/api/v1/ip/networks/[id]/next-ip/route";
import * as availableIps from "@/app/api/v1/ip/networks/[id]/available-ips/route";
import * as freeRanges from "@/app/api/v1/ip/networks/[id]/free-ranges/route";
import * as allocate from "@/app/api/v1/ip/networks/[id]/allocate/route";
import * as lookup from "@/app/api/v1/ip/[address]/route";
import * as availableSubnets from "@/app/api/v1/networks/[id]/available-subnets/route";
import * as subnets from "@/app/api/v1/networks/[id]/subnets/route";
import { getDb } from "@/lib/db/client";
import { isRetryableWriteError } from "@/lib/services/ip/retryable";

useTestDatabase();
let token: string;
beforeAll(async () => {
  token = await tokenFor("editor");
});

const createNetwork = async (body: object) => (await call(networks.POST, "POST", "/networks", { token, body })).body as { id: number };
const addHosts = (...ips: string[]) => call(hosts.POST, "POST", "/hosts", { token, body: ips.map((ip_address) => ({ ip_address })) });
const on = (id: number, extra: object = {}) => ({ token, params: { id: String(id) }, ...extra });

describe("next-ip, available-ips, free-ranges", () => {
  it("skip network address, gateway, DHCP pool, used addresses and child networks", async () => {
    const { id } = await createNetwork({ network: "10.10.0.0/24", gateway: "10.10.0.1", dhcp_start: "10.10.0.4", dhcp_end: "10.10.0.5" });
    await createNetwork({ network: "10.10.0.8/29" });
    await addHosts("10.10.0.2", "10.10.0.3", "10.10.0.6");
    expect((await call(nextIp.GET, "GET", "", on(id))).body).toEqual({ ip_address: "10.10.0.7", network_id: id });
    const ips = await call(availableIps.GET, "GET", "", on(id, { query: { limit: 3 } }));
    expect(ips.body).toEqual({ items: ["10.10.0.7", "10.10.0.16", "10.10.0.17"], available_hosts: 251, next_cursor: expect.any(String) });
    const more = await call(availableIps.GET, "GET", "", on(id, { query: { limit: 2, cursor: ips.body.next_cursor } }));
    expect(more.body.items).toEqual(["10.10.0.18", "10.10.0.19"]);
    const after = await call(availableIps.GET, "GET", "", on(id, { query: { limit: 2, after: "10.10.0.253" } }));
    expect(after.body).toMatchObject({ items: ["10.10.0.254"], next_cursor: null });
    const ranges = await call(freeRanges.GET, "GET", "", on(id, { query: { limit: 2 } }));
    expect(ranges.body).toEqual({ items: [{ first: "10.10.0.7", last: "10.10.0.7", size: 1 }, { first: "10.10.0.16", last: "10.10.0.254", size: 239 }], next_cursor: null });
    const bad = await call(freeRanges.GET, "GET", "", on(id, { query: { cursor: "not-a-cursor" } }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toHaveProperty("cursor");
  });
  it("409 network_full when nothing is free; a /32 holds one address", async () => {
    const { id } = await createNetwork({ network: "10.11.0.0/30" });
    await addHosts("10.11.0.1", "10.11.0.2");
    const full = await call(nextIp.GET, "GET", "", on(id));
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe("network_full");
    expect((await call(availableIps.GET, "GET", "", on(id))).body.items).toEqual([]);
    const single = await createNetwork({ network: "10.11.1.1/32" });
    expect((await call(nextIp.GET, "GET", "", on(single.id))).body.ip_address).toBe("10.11.1.1");
  });
  it("IPv6: big free sizes are decimal strings", async () => {
    const { id } = await createNetwork({ network: "2001:db8:1::/64" });
    await addHosts("2001:db8:1::1");
    expect((await call(nextIp.GET, "GET", "", on(id))).body.ip_address).toBe("2001:db8:1::2");
    const ranges = await call(freeRanges.GET, "GET", "", on(id));
    expect(ranges.body.items).toEqual([{ first: "2001:db8:1::2", last: "2001:db8:1:0:ffff:ffff:ffff:ffff", size: (2n ** 64n - 2n).toString() }]);
  });
  it("skips a long run of used addresses (the galloping path)", async () => {
    const { id } = await createNetwork({ network: "10.12.0.0/20" });
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const v = 0x0a0c0001 + i;
      const ip = [24, 16, 8, 0].map((s) => (v >>> s) & 255).join(".");
      return { ipAddress: ip, ipKey: `4${v.toString(16).padStart(32, "0")}`, family: 4, networkId: id };
    });
    await getDb().host.createMany({ data: rows.filter((r) => r.ipAddress !== "10.12.7.100") });
    expect((await call(nextIp.GET, "GET", "", on(id))).body.ip_address).toBe("10.12.7.100");
    expect((await call(availableIps.GET, "GET", "", on(id, { query: { limit: 2 } }))).body.items).toEqual(["10.12.7.100", "10.12.11.185"]);
    // Fill the gap: the run now ends at the greatest used key.
    await getDb().host.create({ data: rows.find((r) => r.ipAddress === "10.12.7.100")! });
    expect((await call(nextIp.GET, "GET", "", on(id))).body.ip_address).toBe("10.12.11.185");
    // Gaps right after the first batch and one before the last key.
    await getDb().host.deleteMany({ where: { ipAddress: { in: ["10.12.1.2", "10.12.11.180"] } } });
    expect((await call(availableIps.GET, "GET", "", on(id, { query: { limit: 3 } }))).body.items).toEqual(["10.12.1.2", "10.12.11.180", "10.12.11.185"]);
    await getDb().host.createMany({ data: rows.filter((r) => ["10.12.1.2", "10.12.11.180"].includes(r.ipAddress)) });
    // Completely full, beyond the first batch.
    const tail = Array.from({ length: 4094 - 3000 }, (_, i) => {
      const v = 0x0a0c0001 + 3000 + i;
      return { ipAddress: [24, 16, 8, 0].map((s) => (v >>> s) & 255).join("."), ipKey: `4${v.toString(16).padStart(32, "0")}`, family: 4, networkId: id };
    });
    await getDb().host.createMany({ data: tail });
    expect((await call(nextIp.GET, "GET", "", on(id))).status).toBe(409);
    expect((await call(freeRanges.GET, "GET", "", on(id))).body.items).toEqual([]);
  });
  it("400 on bad limits and a bad or foreign `after`, 404 on unknown networks", async () => {
    const { id } = await createNetwork({ network: "10.13.0.0/24" });
    for (const limit of ["0", "1001", "x"]) expect((await call(availableIps.GET, "GET", "", on(id, { query: { limit } }))).status).toBe(400);
    expect((await call(freeRanges.GET, "GET", "", on(id, { query: { limit: "0" } }))).status).toBe(400);
    expect((await call(availableIps.GET, "GET", "", on(id, { query: { after: "10.13.0.300" } }))).status).toBe(400);
    expect((await call(availableIps.GET, "GET", "", on(id, { query: { after: "2001:db8::1" } }))).status).toBe(400);
    expect((await call(nextIp.GET, "GET", "", on(987654))).status).toBe(404);
  });
});

describe("POST /ip/networks/{id}/allocate", () => {
  it("creates one host at the next free address, or {items} with count", async () => {
    const { id } = await createNetwork({ network: "10.20.0.0/29", gateway: "10.20.0.1" });
    const one = await call(allocate.POST, "POST", "", on(id, { body: { hostname: "Alloc1", mac_address: "02:00:00:00:20:01" } }));
    expect(one.status).toBe(201);
    expect(one.body).toMatchObject({ ip_address: "10.20.0.2", hostname: "alloc1", network_id: id, status: "active" });
    const many = await call(allocate.POST, "POST", "", on(id, { body: { count: 3, status: "reserved" } }));
    expect(many.status).toBe(201);
    expect(many.body.items.map((h: { ip_address: string }) => h.ip_address)).toEqual(["10.20.0.3", "10.20.0.4", "10.20.0.5"]);
  });
  it("409 network_full with nothing created when count exceeds what is free", async () => {
    const { id } = await createNetwork({ network: "10.21.0.0/29" });
    const before = await getDb().host.count();
    const res = await call(allocate.POST, "POST", "", on(id, { body: { count: 7 } }));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("network_full");
    expect(await getDb().host.count()).toBe(before);
  });
  it("422 on bad input (unknown field, MAC with count, count 0), 409 on a used MAC", async () => {
    const { id } = await createNetwork({ network: "10.22.0.0/24" });
    for (const body of [{ count: 0 }, { colour: 1 }, { count: 2, mac_address: "02:00:00:00:22:01" }, { hostname: "bad_name" }]) {
      expect((await call(allocate.POST, "POST", "", on(id, { body }))).status).toBe(422);
    }
    await call(allocate.POST, "POST", "", on(id, { body: { mac_address: "02:00:00:00:22:02" } }));
    expect((await call(allocate.POST, "POST", "", on(id, { body: { mac_address: "02:00:00:00:22:02" } }))).status).toBe(409);
  });
  it("treats the unique index rejecting a raced insert as retryable", async () => {
    const data = { ipAddress: "10.24.0.1", ipKey: `4${(0x0a180001).toString(16).padStart(32, "0")}`, family: 4 };
    await getDb().host.create({ data });
    const error = await getDb().host.create({ data }).catch((e: unknown) => e);
    expect(isRetryableWriteError(error)).toBe(true);
    expect(isRetryableWriteError(new Error("nope"))).toBe(false);
  });
  it("200 simultaneous calls get 200 distinct addresses and no errors", async () => {
    const { id } = await createNetwork({ network: "10.23.0.0/23" });
    const results = await Promise.all(Array.from({ length: 200 }, () => call(allocate.POST, "POST", "", on(id, { body: {} }))));
    expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    expect(new Set(results.map((r) => r.body.ip_address)).size).toBe(200);
    expect(await getDb().host.count({ where: { networkId: id } })).toBe(200);
  });
});

describe("GET /ip/{address}", () => {
  it.each([
    ["10.30.0.0", "network_address"], ["10.30.0.255", "broadcast_address"], ["10.30.0.1", "gateway"],
    ["10.30.0.50", "dhcp_pool"], ["10.30.0.7", "allocated"], ["10.30.0.8", "available"], ["192.0.2.1", "unmanaged"],
  ])("%s is %s", async (address, state) => {
    const net = await getDb().network.findFirst({ where: { network: "10.30.0.0" } });
    if (!net) {
      await createNetwork({ network: "10.30.0.0/24", gateway: "10.30.0.1", dhcp_start: "10.30.0.50", dhcp_end: "10.30.0.60" });
      await addHosts("10.30.0.7");
    }
    const res = await call(lookup.GET, "GET", "", { token, params: { address } });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe(state);
    expect(res.body.network?.prefix ?? null).toBe(state === "unmanaged" ? null : "10.30.0.0/24");
    expect(res.body.host?.ip_address ?? null).toBe(state === "allocated" ? "10.30.0.7" : null);
  });
  it("an IPv6 gateway on the subnet-router anycast address (the network's first) is reported as the gateway", async () => {
    await createNetwork({ network: "2001:db8:30::/64", gateway: "2001:db8:30::" });
    const gw = await call(lookup.GET, "GET", "", { token, params: { address: encodeURIComponent("2001:db8:30::") } });
    expect(gw.body.state).toBe("gateway");
    const free = await call(lookup.GET, "GET", "", { token, params: { address: encodeURIComponent("2001:db8:30::1") } });
    expect(free.body.state).toBe("available");
  });
  it("canonicalizes IPv6 (URL-encoded) and rejects garbage with 422", async () => {
    const v6 = await call(lookup.GET, "GET", "", { token, params: { address: encodeURIComponent("2001:DB8::0:1") } });
    expect(v6.body).toMatchObject({ ip_address: "2001:db8::1", family: 6, state: "unmanaged" });
    const bad = await call(lookup.GET, "GET", "", { token, params: { address: "10.0.0.256" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.address).toBeDefined();
  });
  it("422, not 500, for a malformed percent-escape in the address", async () => {
    for (const address of ["%E0%A4%A", "10.0.0.1%"]) {
      const res = await call(lookup.GET, "GET", "", { token, params: { address } });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe("validation_error");
      expect(res.body.error.details.address).toBeDefined();
    }
  });
});

describe("available-subnets and subnets", () => {
  it("lists free child prefixes ascending and creates the first free one", async () => {
    const { id } = await createNetwork({ network: "10.40.0.0/24" });
    await createNetwork({ network: "10.40.0.64/26" });
    const free = await call(availableSubnets.GET, "GET", "", on(id, { query: { cidr: 26 } }));
    // Each offer now says how many existing hosts it would take in (issue 9).
    expect(free.body.items).toEqual([{ prefix: "10.40.0.0/26", hosts: 0 }, { prefix: "10.40.0.128/26", hosts: 0 }, { prefix: "10.40.0.192/26", hosts: 0 }]);
    const made = await call(subnets.POST, "POST", "", on(id, { body: { cidr: 26, name: "first", gateway: "10.40.0.1" } }));
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ prefix: "10.40.0.0/26", name: "first", parent_id: id });
    expect(made.headers.get("location")).toBe(`/api/v1/networks/${made.body.id}`);
    await call(subnets.POST, "POST", "", on(id, { body: { cidr: 25 } }));
    const none = await call(subnets.POST, "POST", "", on(id, { body: { cidr: 25 } }));
    expect(none.status).toBe(409);
  });
  it("422 (body) / 400 (query) when cidr is not longer than the parent's or beyond the family's maximum", async () => {
    const { id } = await createNetwork({ network: "10.41.0.0/24" });
    for (const cidr of [24, 20, 33]) {
      expect((await call(subnets.POST, "POST", "", on(id, { body: { cidr } }))).status).toBe(422);
      expect((await call(availableSubnets.GET, "GET", "", on(id, { query: { cidr } }))).status).toBe(400);
    }
    expect((await call(availableSubnets.GET, "GET", "", on(id))).status).toBe(400);
    expect((await call(subnets.POST, "POST", "", on(id, { body: { cidr: 26, gateway: "10.41.0.200" } }))).status).toBe(422);
  });
});
