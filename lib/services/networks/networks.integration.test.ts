import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import type { Actor } from "@/lib/auth/roles";
import { createNetwork as createNetworkService } from "@/lib/services/networks/create-network";
import { createHost } from "@/lib/services/hosts/create-host";
import { hostSchema } from "@/lib/schemas/host";
import { getNetwork } from "@/lib/services/networks/get-network";
import { deleteNetwork } from "@/lib/services/networks/delete-network";
import { getHost } from "@/lib/services/hosts/get-host";
import { recomputeNetworkTree } from "@/lib/services/networks/recompute-network-tree";
import { getDb } from "@/lib/db/client";
import { networkPatchSchema, networkSchema, type NetworkInput, type NetworkPatch } from "@/lib/schemas/network";
import { patchNetwork } from "@/lib/services/networks/patch-network";

useTestDatabase();
const editor: Actor = { kind: "token", id: 1, name: "t", role: "editor" };
// Services take parsed input (networkSchema, networkPatchSchema), as the routes hand it over.
const createNetwork = (_: Actor, input: NetworkInput) => createNetworkService(editor, networkSchema.parse(input));
const updateNetwork = (_: Actor, id: number, patch: NetworkPatch, _options: { partial: true }) =>
  patchNetwork(editor, id, networkPatchSchema.parse(patch));

describe("network tree and host membership", () => {
  it("follows networks as they are created, changed and deleted", async () => {
    const big = await createNetwork(editor, { network: "10.0.0.0/16" });
    const inside = await createHost(editor, hostSchema.parse({ ip_address: "10.0.1.5" }));
    const outside = await createHost(editor, hostSchema.parse({ ip_address: "10.0.2.5" }));
    expect(inside.network_id).toBe(big.id);

    const small = await createNetwork(editor, { network: "10.0.1.0", cidr: 24 });
    expect(small.parent_id).toBe(big.id);
    expect((await getHost(editor, inside.id)).network_id).toBe(small.id);
    expect((await getHost(editor, outside.id)).network_id).toBe(big.id);
    expect((await getNetwork(editor, big.id)).used_hosts).toBe(2);
    expect((await getNetwork(editor, small.id)).used_hosts).toBe(1);

    // A network between the two becomes the /24's parent.
    const mid = await createNetwork(editor, { network: "10.0.0.0/20" });
    expect(mid.parent_id).toBe(big.id);
    expect((await getNetwork(editor, small.id)).parent_id).toBe(mid.id);
    expect((await getHost(editor, outside.id)).network_id).toBe(mid.id);

    await expect(deleteNetwork(editor, small.id)).rejects.toMatchObject({ code: "network_not_empty" });
    // Moving the /20 away would strand its host 10.0.2.5.
    await expect(updateNetwork(editor, mid.id, { network: "10.0.16.0/20" }, { partial: true })).rejects.toMatchObject({ code: "conflict" });
    await createNetwork(editor, { network: "10.0.2.0/24" });
    await updateNetwork(editor, mid.id, { network: "10.0.16.0/20" }, { partial: true });
    expect((await getNetwork(editor, small.id)).parent_id).toBe(big.id);
    expect((await getNetwork(editor, mid.id)).parent_id).toBe(big.id);

    // A full recompute agrees with the incremental one.
    const before = await getDb().host.findMany({ orderBy: { id: "asc" } });
    await getDb().$transaction((tx) => recomputeNetworkTree(tx));
    expect(await getDb().host.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });
});

describe("incremental derivation matches a brute-force answer", () => {
  it("after random creates, prefix changes and deletes", async () => {
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const db = getDb();
    await db.host.deleteMany();
    await db.network.deleteMany();
    const addr = (v: number) => [24, 16, 8, 0].map((s) => (v >>> s) & 255).join(".");
    for (let i = 0; i < 120; i++) await createHost(editor, hostSchema.parse({ ip_address: addr(0x0a000000 + 1 + rand(65534)) })).catch(() => undefined);
    const ids: number[] = [];
    for (let i = 0; i < 40; i++) {
      const len = 17 + rand(12);
      const size = 2 ** (32 - len);
      const start = 0x0a000000 + Math.floor(rand(65536) / size) * size;
      const made = await createNetwork(editor, { network: `${addr(start)}/${len}` }).catch(() => null);
      if (made) ids.push(made.id);
      if (i % 7 === 6 && ids.length) await deleteNetwork(editor, ids.splice(rand(ids.length), 1)[0]).catch(() => undefined);
      if (i % 5 === 4 && ids.length) await updateNetwork(editor, ids[rand(ids.length)], { cidr: 17 + rand(12) }, { partial: true }).catch(() => undefined);
    }
    const networks = await db.network.findMany();
    expect(networks.length).toBeGreaterThan(15);
    expect(await db.host.count({ where: { networkId: { not: null } } })).toBeGreaterThan(30);
    const contains = (n: (typeof networks)[number], key: string) => n.startKey <= key && key <= n.endKey;
    const innermost = (key: string, except?: number) =>
      networks.filter((n) => n.id !== except && contains(n, key)).sort((a, b) => b.cidr - a.cidr)[0]?.id ?? null;
    for (const h of await db.host.findMany()) expect(h.networkId, h.ipAddress).toBe(innermost(h.ipKey));
    for (const n of networks) {
      const parent = networks.filter((p) => p.id !== n.id && p.cidr < n.cidr && contains(p, n.startKey)).sort((a, b) => b.cidr - a.cidr)[0];
      expect(n.parentId, `${n.network}/${n.cidr}`).toBe(parent?.id ?? null);
    }
  });
});
