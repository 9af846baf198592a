import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { networkRangesInside, readNetworkAndInside, readNetworkById } from "@/lib/db/raw/network-rows";
import { networkSchema } from "@/lib/schemas/network";
import { createNetwork } from "@/lib/services/networks/create-network";

// The raw network reads must give exactly what Prisma gives (the services
// used findUnique/findMany before), on either engine, outside and inside a
// transaction (where the transaction's own writes are visible).

useTestDatabase();
const admin: Actor = { kind: "token", id: 1, name: "t", role: "admin" };

describe("raw network rows", () => {
  it("read a network as Prisma does: every field set, and every optional field null", async () => {
    const full = await createNetwork(admin, networkSchema.parse({
      network: "10.90.0.0/24", name: "full", domain: "full.example", vlan_id: 42, description: "d", location: "rack 1",
      gateway: "10.90.0.1", dhcp_start: "10.90.0.100", dhcp_end: "10.90.0.150", utilization_threshold: 75,
    }));
    const child = await createNetwork(admin, networkSchema.parse({ network: "10.90.0.0/26" }));
    const v6 = await createNetwork(admin, networkSchema.parse({ network: "2001:db8:90::/48", status: "container" }));
    for (const id of [full.id, child.id, v6.id]) {
      const prisma = await getDb().network.findUnique({ where: { id } });
      expect(await readNetworkById(getDb(), id)).toEqual(prisma);
      expect(await getDb().$transaction((tx) => readNetworkById(tx, id))).toEqual(prisma);
    }
    expect((await readNetworkById(getDb(), child.id))!.parentId).toBe(full.id);
    expect(await readNetworkById(getDb(), 999_999)).toBeNull();
  });

  it("inside a transaction, see its own uncommitted writes; outside, only what was committed", async () => {
    const { id } = await createNetwork(admin, networkSchema.parse({ network: "10.91.0.0/24", name: "before" }));
    await getDb().$transaction(async (tx) => {
      await tx.network.update({ where: { id }, data: { name: "inside" } });
      expect((await readNetworkById(tx, id))!.name).toBe("inside");
      expect((await readNetworkById(getDb(), id))!.name).toBe("before");
    });
  });

  it("list the ranges of the networks inside a range, not the network itself", async () => {
    const { id: parentId } = await createNetwork(admin, networkSchema.parse({ network: "10.92.0.0/16" }));
    const parent = (await getDb().network.findUnique({ where: { id: parentId } }))!;
    await createNetwork(admin, networkSchema.parse({ network: "10.92.1.0/24" }));
    await createNetwork(admin, networkSchema.parse({ network: "10.92.1.128/25" }));
    await createNetwork(admin, networkSchema.parse({ network: "10.93.0.0/24" }));
    const prisma = await getDb().network.findMany({
      where: { startKey: { gte: parent.startKey }, endKey: { lte: parent.endKey }, id: { not: parent.id } }, select: { startKey: true, endKey: true },
    });
    const raw = await networkRangesInside(getDb(), parent.startKey, parent.endKey, parent.id);
    const sorted = (x: Array<{ startKey: string; endKey: string }>) => [...x].sort((a, b) => (a.startKey + a.endKey).localeCompare(b.startKey + b.endKey));
    expect(raw).toHaveLength(2);
    expect(sorted(raw)).toEqual(sorted(prisma));
  });

  it("read a network and the ranges inside it in one go, the ranges only when its status is asked for", async () => {
    const { id } = await createNetwork(admin, networkSchema.parse({ network: "10.94.0.0/16", gateway: "10.94.0.1" }));
    const container = await createNetwork(admin, networkSchema.parse({ network: "10.95.0.0/16", status: "container" }));
    for (const inside of ["10.94.1.0/24", "10.94.1.128/25", "10.95.1.0/24"]) await createNetwork(admin, networkSchema.parse({ network: inside }));
    await createNetwork(admin, networkSchema.parse({ network: "10.96.0.0/24" }));
    const network = (await readNetworkById(getDb(), id))!;
    const ranges = await networkRangesInside(getDb(), network.startKey, network.endKey, id);
    const sorted = (x: Array<{ startKey: string; endKey: string }>) => [...x].sort((a, b) => (a.startKey + a.endKey).localeCompare(b.startKey + b.endKey));
    for (const q of [getDb(), undefined]) {
      const read = q ? await readNetworkAndInside(q, id, ["active"]) : await getDb().$transaction((tx) => readNetworkAndInside(tx, id, ["active"]));
      expect(read!.network).toEqual(network);
      expect(sorted(read!.inside)).toEqual(sorted(ranges));
      expect(read!.inside).toHaveLength(2);
    }
    const notAsked = await readNetworkAndInside(getDb(), container.id, ["active"]);
    expect(notAsked!.network.status).toBe("container");
    expect(notAsked!.inside).toEqual([]);
    expect((await readNetworkAndInside(getDb(), container.id, ["active", "container"]))!.inside).toHaveLength(1);
    const alone = await readNetworkAndInside(getDb(), (await createNetwork(admin, networkSchema.parse({ network: "10.97.0.0/24" }))).id, ["active"]);
    expect(alone!.inside).toEqual([]);
    expect(await readNetworkAndInside(getDb(), 999_999, ["active"])).toBeNull();
  });
});
