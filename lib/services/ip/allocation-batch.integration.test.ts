import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { formatValue, sortKeyOf } from "@/lib/ipam";
import { allocateSchema, hostSchema } from "@/lib/schemas/host";
import { networkSchema } from "@/lib/schemas/network";
import { withChangeContext } from "@/lib/services/changes/change-context";
import { createHost } from "@/lib/services/hosts/create-host";
import { allocateIp } from "@/lib/services/ip/allocate-ip";
import { createNetwork } from "@/lib/services/networks/create-network";

// Group commit (allocation-batch.ts): calls started together share one
// transaction, and each gets what it would have got alone, in call order.
// The calls below are started without awaiting, so all but the first wait
// in the network's queue and run as one batch.

useTestDatabase();

const alice: Actor = { kind: "token", id: 11, name: "alice-script", role: "editor" };
const bob: Actor = { kind: "user", id: 12, name: "Bob", role: "editor" };
const net = async (cidr: string, extra: Record<string, unknown> = {}) => (await createNetwork(bob, networkSchema.parse({ network: cidr, ...extra }))).id;
const call = (actor: Actor, id: number, body: Record<string, unknown>, requestId?: string, message: string | null = null) =>
  withChangeContext({ source: "api", requestId, message }, () => allocateIp(actor, id, allocateSchema.parse(body)));
const settle = (calls: Array<Promise<unknown>>) => Promise.allSettled(calls);
const ipOf = (r: PromiseSettledResult<unknown>) => (r.status === "fulfilled" ? (r.value as { ip_address: string }).ip_address : r.reason.code);

describe("allocations that share a transaction", () => {
  it("hand out addresses in call order, and a refused call leaves its address to the next one", async () => {
    const id = await net("10.80.0.0/29", { domain: "b.example" });
    await createHost(bob, hostSchema.parse({ ip_address: "10.80.0.1", hostname: "taken" }));
    const results = await settle([
      call(alice, id, { hostname: "one" }),
      call(alice, id, { hostname: "taken" }), // a name another host has: refused
      call(alice, id, { hostname: "two" }),
      call(alice, id, { hostname: "two" }), // the name the call before it just took: refused
      call(alice, id, {}),
    ]);
    expect(results.map(ipOf)).toEqual(["10.80.0.2", "conflict", "10.80.0.3", "conflict", "10.80.0.4"]);
    const stored = await getDb().host.findMany({ where: { networkId: id }, orderBy: { ipKey: "asc" }, select: { ipAddress: true, hostname: true } });
    expect(stored).toEqual([
      { ipAddress: "10.80.0.1", hostname: "taken" }, { ipAddress: "10.80.0.2", hostname: "one" },
      { ipAddress: "10.80.0.3", hostname: "two" }, { ipAddress: "10.80.0.4", hostname: null },
    ]);
  });

  it("a call larger than what is left is network_full and writes nothing; a smaller one after it still fits", async () => {
    const id = await net("10.81.0.0/29"); // 6 usable addresses
    const results = await settle([call(alice, id, { count: 4 }), call(alice, id, { count: 3 }), call(alice, id, { count: 2 }), call(alice, id, {})]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "rejected"]);
    const full = (results[1] as PromiseRejectedResult).reason;
    expect(full).toMatchObject({ code: "network_full" });
    expect(full.message).toBe("Network 10.81.0.0/29 has only 2 free addresses; asked for 3");
    expect((results[3] as PromiseRejectedResult).reason.message).toBe("Network 10.81.0.0/29 has no free address; asked for 1");
    const items = (results[2] as PromiseFulfilledResult<{ items: Array<{ ip_address: string }> }>).value.items;
    expect(items.map((h) => h.ip_address)).toEqual(["10.81.0.5", "10.81.0.6"]);
    expect(await getDb().host.count({ where: { networkId: id } })).toBe(6);
  });

  it("records each caller's hosts as theirs, with their own request id and message", async () => {
    const id = await net("10.82.0.0/24");
    const [a, b] = (await Promise.all([
      call(alice, id, {}, "00000000-0000-4000-8000-00000000000a", "for the build farm"),
      call(bob, id, { count: 2 }, "00000000-0000-4000-8000-00000000000b"),
      call(alice, id, {}, "00000000-0000-4000-8000-00000000000c"),
    ])) as [{ id: number }, { items: Array<{ id: number }> }, { id: number }];
    const logOf = async (hostId: number) => getDb().changeLog.findFirstOrThrow({ where: { objectType: "host", objectId: hostId } });
    expect(await logOf(a.id)).toMatchObject({ actorKind: "token", actorId: 11, actorName: "alice-script", requestId: "00000000-0000-4000-8000-00000000000a", message: "for the build farm", action: "create" });
    for (const host of b.items) {
      expect(await logOf(host.id)).toMatchObject({ actorKind: "user", actorId: 12, actorName: "Bob", requestId: "00000000-0000-4000-8000-00000000000b", message: null });
    }
    expect(await getDb().changeCapture.count()).toBe(0);
  });

  it("a network that takes no hosts refuses every waiting call, and nothing is written", async () => {
    const id = await net("10.83.0.0/24", { status: "reserved" });
    const results = await settle([call(alice, id, {}), call(bob, id, { count: 2 })]);
    expect(results.map((r) => (r.status === "rejected" ? r.reason.code : "ok"))).toEqual(["network_not_allocatable", "network_not_allocatable"]);
    expect(await getDb().host.count({ where: { networkId: id } })).toBe(0);
  });

  it("a large write made outside the app (more captures than one go takes) does not fail the batch", async () => {
    const id = await net("10.85.0.0/20");
    // 2,500 hosts typed into the database directly: the triggers capture each, no app transaction takes them.
    const now = new Date();
    const rows = Array.from({ length: 2500 }, (_, i) => {
      const value = 0x0a550000n + 256n + BigInt(i);
      return Prisma.sql`(${formatValue(4, value)}, ${sortKeyOf(4, value)}, 4, 'active', ${id}, ${now}, ${now})`;
    });
    await getDb().$executeRaw`INSERT INTO hosts (ip_address, ip_key, family, status, network_id, created_at, updated_at) VALUES ${Prisma.join(rows)}`;
    const results = await settle([call(alice, id, {}, "r-a"), call(bob, id, {}, "r-b"), call(alice, id, { count: 2 }, "r-c")]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);
    expect(results.slice(0, 2).map(ipOf)).toEqual(["10.85.0.1", "10.85.0.2"]);
    const records = await getDb().changeLog.findMany({ where: { requestId: { in: ["r-a", "r-b", "r-c"] } }, select: { requestId: true, actorName: true } });
    expect(records.map((r) => `${r.requestId} ${r.actorName}`).sort()).toEqual(["r-a alice-script", "r-b Bob", "r-c alice-script", "r-c alice-script"]);
  });

  it("200 calls at once: 200 distinct addresses, one change record each", async () => {
    const id = await net("10.84.0.0/22");
    const before = await getDb().changeLog.count();
    const hosts = (await Promise.all(Array.from({ length: 200 }, () => call(alice, id, {})))) as Array<{ ip_address: string }>;
    expect(new Set(hosts.map((h) => h.ip_address)).size).toBe(200);
    expect(await getDb().changeLog.count()).toBe(before + 200);
  });
});
