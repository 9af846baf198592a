import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { formatValue, parseAddress, sortKeyOf } from "@/lib/ipam";
import { hostSchema } from "@/lib/schemas/host";
import { networkSchema } from "@/lib/schemas/network";
import { createHost } from "@/lib/services/hosts/create-host";
import { deleteHost } from "@/lib/services/hosts/delete-host";
import { getNextIp } from "@/lib/services/ip/get-next-ip";
import { allocateIp } from "@/lib/services/ip/allocate-ip";
import { allocateSchema } from "@/lib/schemas/host";
import { createNetwork } from "@/lib/services/networks/create-network";
import { useTestDatabase } from "@/tests/db";

// Next free address over the occupancy summary (host_blocks): full blocks of
// 65,536 and of 256 addresses are skipped whole, the one block with a gap is
// read key by key. Checked against a walk of the addresses on fills that
// cross block edges, and on a /15 whose first /16 is full. Both engines.

useTestDatabase();

const admin: Actor = { kind: "user", id: 1, name: "Ada", role: "admin" };

/**
 * Stores hosts at `values` (IPv4 numbers) directly, 2,000 per statement: the
 * count triggers keep the summary as for any write. The change log's captures
 * of these rows are dropped (set-up data, not a change under test), or the
 * next service write would record 65,536 "direct database writes" first.
 */
async function storeHosts(values: bigint[]): Promise<void> {
  await getDb().$transaction(async (tx) => {
    for (let i = 0; i < values.length; i += 2000) {
      const rows = values.slice(i, i + 2000).map((v) => Prisma.sql`(${formatValue(4, v)}, ${sortKeyOf(4, v)}, 4, 'active', CURRENT_TIMESTAMP)`);
      await tx.$executeRaw`INSERT INTO hosts (ip_address, ip_key, family, status, updated_at) VALUES ${Prisma.join(rows)}`;
    }
    await tx.$executeRaw`DELETE FROM change_capture`;
  }, { timeout: 120_000 });
}

/** The network's first free address by walking it (usable range, not used, not excluded). */
function walk(first: bigint, last: bigint, used: Set<bigint>, excluded: (v: bigint) => boolean): string | null {
  for (let v = first; v <= last; v++) if (!used.has(v) && !excluded(v)) return formatValue(4, v);
  return null;
}

describe("next free address over the occupancy summary", () => {
  it("a /15 whose first /16 is full and whose next /24 is full: the gap after them, then the next ones as they are taken", async () => {
    const base = parseAddress("10.2.0.0").value;
    const net = await createNetwork(admin, networkSchema.parse({ network: "10.2.0.0/15" }));
    // 10.2.0.1–10.2.255.255 (the /16 less its network address, which the network never hands out), all of 10.3.0.0/24, 10.3.1.0–.9.
    const used = [];
    for (let v = base + 1n; v < base + 65_536n + 256n + 10n; v++) used.push(v);
    await storeHosts(used);
    const blocks = await getDb().hostBlock.findMany({ where: { blockKey: { startsWith: sortKeyOf(4, base).slice(0, 27) } }, orderBy: [{ level: "desc" }, { blockKey: "asc" }] });
    expect(blocks.filter((b) => b.level === 2).map((b) => b.used)).toEqual([65_535, 266]);
    expect((await getNextIp(admin, net.id)).ip_address).toBe("10.3.1.10");
    await createHost(admin, hostSchema.parse({ ip_address: "10.3.1.10" }));
    expect((await getNextIp(admin, net.id)).ip_address).toBe("10.3.1.11");
    // A gap deep inside the full /16 comes first again.
    const inner = await getDb().host.findUniqueOrThrow({ where: { ipAddress: "10.2.77.5" } });
    await deleteHost(admin, inner.id);
    expect((await getNextIp(admin, net.id)).ip_address).toBe("10.2.77.5");
    const taken = await allocateIp(admin, net.id, allocateSchema.parse({ count: 2 }));
    expect("items" in taken && taken.items.map((h) => h.ip_address)).toEqual(["10.2.77.5", "10.3.1.11"]);
  }, 120_000);

  it.each([1, 2, 3, 4, 5, 6])("matches a walk of the addresses on a random fill of a /20 with a child and a pool (seed %i)", async (seed) => {
    let a = seed * 7919;
    const rand = () => ((a = (a * 1103515245 + 12345) % 2147483648) / 2147483648);
    const third = 16 * seed; // 10.20.<third>.0/20
    const first = parseAddress(`10.20.${third}.0`).value;
    const net = await createNetwork(admin, networkSchema.parse({ network: `10.20.${third}.0/20`, dhcp_start: `10.20.${third + 9}.10`, dhcp_end: `10.20.${third + 9}.40` }));
    await createNetwork(admin, networkSchema.parse({ network: `10.20.${third + 6}.0/24` }));
    const excluded = (v: bigint) => (v >= first + 6n * 256n && v < first + 7n * 256n) || (v >= first + 9n * 256n + 10n && v <= first + 9n * 256n + 40n);
    // Runs of full 256-blocks, near-full blocks with one gap, and scattered hosts.
    const used = new Set<bigint>();
    let v = first + 1n;
    while (v < first + 4095n) {
      const kind = rand();
      const length = kind < 0.5 ? 256n * BigInt(1 + Math.floor(rand() * 3)) : BigInt(1 + Math.floor(rand() * 200));
      for (let k = 0n; k < length && v + k < first + 4095n; k++) if (!excluded(v + k)) used.add(v + k);
      v += length + (rand() < 0.7 ? 0n : 1n + BigInt(Math.floor(rand() * 3)));
    }
    await storeHosts([...used]);
    const expected = walk(first + 1n, first + 4094n, used, excluded);
    const answer = await getNextIp(admin, net.id).then((r) => r.ip_address, (e: { code?: string }) => (e.code === "network_full" ? null : Promise.reject(e)));
    expect(answer).toBe(expected);
  }, 60_000);
});
