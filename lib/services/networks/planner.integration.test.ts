import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { insertHosts } from "@/lib/db/raw/bulk-import";
import { sortKeyOf } from "@/lib/ipam";
import { hostSchema } from "@/lib/schemas/host";
import { availableSubnetsQuery } from "@/lib/schemas/ip";
import { createSubnetSchema, networkSchema, type NetworkInput } from "@/lib/schemas/network";
import { createHost } from "@/lib/services/hosts/create-host";
import { createNetwork } from "@/lib/services/networks/create-network";
import { createSubnet } from "@/lib/services/networks/create-subnet";
import { listAvailableSubnets } from "@/lib/services/networks/list-available-subnets";
import { listFreeBlocks } from "@/lib/services/networks/list-free-blocks";
import { admin } from "@/plugins/testing/actors";
import { resetDatabase, useTestDatabase } from "@/tests/db";

// The planner offers only what can be created: every offer is created
// successfully below, and what it leaves out is refused by createNetwork.

useTestDatabase();
beforeEach(resetDatabase);

const network = (input: NetworkInput) => createNetwork(admin, networkSchema.parse(input));
const hosts = async (...ips: string[]) => {
  for (const ip of ips) await createHost(admin, hostSchema.parse({ ip_address: ip }));
};
const plan = (id: number, query: Record<string, string>) => listAvailableSubnets(admin, id, availableSubnetsQuery.parse(query));
const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}.${from + i}`);

describe("available-subnets", () => {
  it("a populated /24: the /26 with hosts is offered with its count, not as empty", async () => {
    const { id } = await network({ network: "10.10.10.0/24" });
    await hosts(...range("10.10.10", 1, 62));
    const all = await plan(id, { cidr: "26" });
    expect(all.items).toEqual([
      { prefix: "10.10.10.0/26", hosts: 62 }, { prefix: "10.10.10.64/26", hosts: 0 },
      { prefix: "10.10.10.128/26", hosts: 0 }, { prefix: "10.10.10.192/26", hosts: 0 },
    ]);
    expect((await plan(id, { cidr: "26", empty_only: "true" })).items.map((i) => i.prefix)).toEqual(["10.10.10.64/26", "10.10.10.128/26", "10.10.10.192/26"]);
  });

  it("leaves out a /26 whose creation would fail (a host on its broadcast address)", async () => {
    const { id } = await network({ network: "10.10.11.0/24" });
    await hosts("10.10.11.5", "10.10.11.63");
    expect((await plan(id, { cidr: "26" })).items.map((i) => i.prefix)).toEqual(["10.10.11.64/26", "10.10.11.128/26", "10.10.11.192/26"]);
    await expect(network({ network: "10.10.11.0/26" })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("Host 10.10.11.63") });
  });

  it("a full /30 offers nothing creatable and empty; its ends never", async () => {
    const { id } = await network({ network: "10.20.0.0/30" });
    await hosts("10.20.0.1", "10.20.0.2");
    expect((await plan(id, { cidr: "32", empty_only: "true" })).items).toEqual([]);
    expect((await plan(id, { cidr: "31", empty_only: "true" })).items).toEqual([]);
    expect((await plan(id, { cidr: "32" })).items).toEqual([{ prefix: "10.20.0.1/32", hosts: 1 }, { prefix: "10.20.0.2/32", hosts: 1 }]);
    expect((await plan(id, { cidr: "31" })).items).toEqual([]);
  });

  it("never offers the parent's network or broadcast /32", async () => {
    const { id } = await network({ network: "10.21.0.0/29" });
    expect((await plan(id, { cidr: "32" })).items.map((i) => i.prefix)).toEqual(range("10.21.0", 1, 6).map((a) => `${a}/32`));
  });

  it("never offers a block overlapping the DHCP pool or a child network", async () => {
    const { id } = await network({ network: "10.30.0.0/24", dhcp_start: "10.30.0.200", dhcp_end: "10.30.0.250" });
    await network({ network: "10.30.0.64/27" });
    expect((await plan(id, { cidr: "26" })).items.map((i) => i.prefix)).toEqual(["10.30.0.0/26", "10.30.0.128/26"]);
    expect((await plan(id, { cidr: "25" })).items).toEqual([]);
    for (const { prefix } of (await plan(id, { cidr: "27" })).items) await network({ network: prefix });
    await expect(network({ network: "10.30.0.192/27" })).rejects.toMatchObject({ code: "conflict" });
  });

  it("pages a huge prefix without enumerating it", async () => {
    const { id } = await network({ network: "10.0.0.0/8" });
    const started = Date.now();
    expect((await plan(id, { cidr: "32", limit: "3" })).items.map((i) => i.prefix)).toEqual(["10.0.0.1/32", "10.0.0.2/32", "10.0.0.3/32"]);
    const v6 = await network({ network: "2001:db8::/32" });
    expect((await plan(v6.id, { cidr: "128", limit: "2" })).items.map((i) => i.prefix)).toEqual(["2001:db8::1/128", "2001:db8::2/128"]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("skips past many refused blocks (empty_only over a populated range)", async () => {
    const { id } = await network({ network: "10.40.0.0/23" });
    await hosts(...range("10.40.0", 1, 254));
    expect((await plan(id, { cidr: "30", empty_only: "true", limit: "2" })).items.map((i) => i.prefix)).toEqual(["10.40.1.0/30", "10.40.1.4/30"]);
  });
});

describe("available-subnets over a densely used range", () => {
  it("skips used space by key, across pages of host keys", async () => {
    const { id } = await network({ network: "10.60.0.0/16" });
    // 10,000 hosts (one page of keys) from 10.60.0.1, a hole of 7 addresses, then more hosts.
    const base = 0x0a3c0000;
    const offsets = [...Array.from({ length: 10_000 }, (_, i) => i + 1), ...Array.from({ length: 500 }, (_, i) => 10_008 + i)];
    const rows = offsets.map((o) => [[24, 16, 8, 0].map((s) => ((base + o) >>> s) & 255).join("."), sortKeyOf(4, BigInt(base + o))]);
    await getDb().$transaction((tx) =>
      insertHosts(tx, rows, ([ipAddress, ipKey]) => ({ ipAddress, ipKey, family: 4, status: "active", networkId: id, allowDuplicateName: false })),
    );
    // 10.60.39.16/30 holds the 10,000th host; 10.60.39.20/30 is the first empty block.
    expect((await plan(id, { cidr: "30", empty_only: "true", limit: "2" })).items).toEqual([
      { prefix: "10.60.39.20/30", hosts: 0 }, { prefix: "10.60.41.12/30", hosts: 0 },
    ]);
    expect((await plan(id, { cidr: "32", empty_only: "true", limit: "1" })).items).toEqual([{ prefix: "10.60.39.17/32", hosts: 0 }]);
  });
});

describe("POST subnets picks the first block whose creation succeeds", () => {
  it("skips a block with a host on its end, takes in the hosts of the one it picks", async () => {
    const { id } = await network({ network: "10.50.0.0/24" });
    await hosts("10.50.0.63", "10.50.0.70");
    const made = await createSubnet(admin, id, createSubnetSchema.parse({ cidr: 26, name: "lab" }));
    expect(made).toMatchObject({ prefix: "10.50.0.64/26", name: "lab", parent_id: id, used_hosts: 1 });
  });

  it("a container subnet goes to an empty block; 409 network_full when none is left", async () => {
    const { id } = await network({ network: "10.51.0.0/25" });
    await hosts("10.51.0.5");
    expect((await createSubnet(admin, id, createSubnetSchema.parse({ cidr: 26, status: "container" }))).prefix).toBe("10.51.0.64/26");
    await expect(createSubnet(admin, id, createSubnetSchema.parse({ cidr: 26, status: "container" }))).rejects.toMatchObject({ code: "network_full" });
  });
});

describe("free-blocks", () => {
  it("the gaps between a container's children as CIDR blocks, outside the pool, with their hosts", async () => {
    const { id } = await network({ network: "10.90.0.0/16", status: "container" });
    await network({ network: "10.90.0.0/24" });
    await network({ network: "10.90.2.0/23" });
    expect((await listFreeBlocks(admin, id, { limit: 100 })).items.map((b) => b.prefix)).toEqual([
      "10.90.1.0/24", "10.90.4.0/22", "10.90.8.0/21", "10.90.16.0/20", "10.90.32.0/19", "10.90.64.0/18", "10.90.128.0/17",
    ]);
    expect((await listFreeBlocks(admin, id, { limit: 2 })).items).toEqual([{ prefix: "10.90.1.0/24", hosts: 0 }, { prefix: "10.90.4.0/22", hosts: 0 }]);
    // Each block can be created as it stands.
    for (const { prefix } of (await listFreeBlocks(admin, id, { limit: 100 })).items) await network({ network: prefix });
    expect((await listFreeBlocks(admin, id, { limit: 100 })).items).toEqual([]);
  });

  it("leaves out the DHCP pool", async () => {
    const { id } = await network({ network: "10.91.0.0/24", dhcp_start: "10.91.0.128", dhcp_end: "10.91.0.254" });
    await hosts("10.91.0.9");
    // 10.91.0.255 is left over beside the pool, but a /32 on the broadcast address can't be created.
    expect((await listFreeBlocks(admin, id, { limit: 10 })).items).toEqual([{ prefix: "10.91.0.0/25", hosts: 1 }]);
    const small = await network({ network: "10.92.0.0/29", dhcp_start: "10.92.0.2", dhcp_end: "10.92.0.5" });
    expect((await listFreeBlocks(admin, small.id, { limit: 10 })).items.map((b) => b.prefix)).toEqual(["10.92.0.1/32", "10.92.0.6/32"]);
  });
});

describe("names follow the domain", () => {
  const fqdns = async () => (await getDb().hostName.findMany({ orderBy: { fqdn: "asc" } })).map((n) => n.fqdn);

  it("on create, domain change and delete; a collision is a 409 and nothing changes", async () => {
    const outer = await network({ network: "10.95.0.0/16", domain: "outer.example" });
    await createHost(admin, hostSchema.parse({ ip_address: "10.95.1.5", hostname: "web" }));
    expect(await fqdns()).toEqual(["web.outer.example"]);
    await network({ network: "10.95.1.0/24", domain: "inner.example" });
    expect(await fqdns()).toEqual(["web.inner.example"]);

    const other = await network({ network: "10.96.0.0/24", domain: "other.example" });
    await createHost(admin, hostSchema.parse({ ip_address: "10.96.0.5", hostname: "web" }));
    const { patchNetwork } = await import("@/lib/services/networks/patch-network");
    const { networkPatchSchema } = await import("@/lib/schemas/network");
    await expect(patchNetwork(admin, other.id, networkPatchSchema.parse({ domain: "inner.example" })))
      .rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("web.inner.example") });
    expect((await getDb().network.findUnique({ where: { id: other.id } }))?.domain).toBe("other.example");
    expect(await fqdns()).toEqual(["web.inner.example", "web.other.example"]);

    await patchNetwork(admin, outer.id, networkPatchSchema.parse({ domain: "new.example" }));
    await patchNetwork(admin, other.id, networkPatchSchema.parse({ domain: "new.example" }));
    expect(await fqdns()).toEqual(["web.inner.example", "web.new.example"]);
  });
});
