import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { countHostsInRanges, countNetworkHosts, hostBlockDrift, networkCountDrift, recountNetworkHosts } from "@/lib/db/raw";
import { allocateSchema, hostPatchSchema, hostSchema } from "@/lib/schemas/host";
import { networkSchema } from "@/lib/schemas/network";
import { restoreBackupFile } from "@/lib/services/backup/restore-backup";
import { writeBackupFile } from "@/lib/services/backup/write-backup";
import { hostListQuery } from "@/lib/schemas/list";
import { bulkDeleteHosts } from "@/lib/services/hosts/bulk-delete-hosts";
import { bulkUpdateHostStatus } from "@/lib/services/hosts/bulk-update-host-status";
import { createHost } from "@/lib/services/hosts/create-host";
import { deleteHost } from "@/lib/services/hosts/delete-host";
import { listHosts } from "@/lib/services/hosts/list-hosts";
import { updateHost } from "@/lib/services/hosts/update-host";
import { allocateIp } from "@/lib/services/ip/allocate-ip";
import { createNetwork } from "@/lib/services/networks/create-network";
import { getDashboardCounts } from "@/lib/services/dashboard/get-dashboard-counts";
import { deleteNetwork } from "@/lib/services/networks/delete-network";
import { updateNetwork } from "@/lib/services/networks/update-network";
import { recountNetworkHostCounts } from "@/lib/services/integrity/recount-network-hosts";
import { networkRange } from "@/lib/services/serializers/network-prefix";
import { importFile } from "@/plugins/import/file-import";
import { readCsvFile } from "@/plugins/import/read-csv-file";
import { tempBackupPath } from "@/tests/backup-fixtures";
import { useTestDatabase } from "@/tests/db";

// The kept per-network counts (network_counts) and the occupancy summary
// (host_blocks), both maintained by triggers (lib/db/count-triggers.ts),
// against a recount after random sequences of every
// kind of write: host create/update (move, status)/delete, allocation, bulk
// status and delete, CSV import, network create (a new parent takes hosts
// from its neighbours), resize, delete, and a restore. After each step the
// kept counts equal a fresh GROUP BY, and every network's subtree sum equals
// an index count of the hosts in its range. Both engines.

useTestDatabase();

const admin: Actor = { kind: "user", id: 1, name: "Ada", role: "admin" };

/** A small deterministic generator (mulberry32): a failing seed replays exactly. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Nested candidates inside one /16 per seed, so networks take hosts from each other.
const SHAPES = ["0.0/18", "0.0/20", "1.0/24", "1.128/25", "2.0/24", "2.0/23", "4.0/22", "5.0/24", "16.0/20"];
const STATUSES = ["active", "reserved", "inactive"] as const;

async function expectCountsExact(step: string): Promise<void> {
  expect(await networkCountDrift(getDb()), `drift after ${step}`).toEqual([]);
  expect(await hostBlockDrift(getDb()), `address-block drift after ${step}`).toEqual([]);
  const networks = await getDb().network.findMany();
  const ranges = networks.map(networkRange);
  const kept = await countNetworkHosts(ranges);
  const counted = await countHostsInRanges(ranges);
  expect(kept, `subtree sums after ${step}`).toEqual(counted);
  // The dashboard's totals come from the same counts.
  const byStatus = await getDb().host.groupBy({ by: ["status"], _count: { _all: true } });
  const n = (status: string) => byStatus.find((r) => r.status === status)?._count._all ?? 0;
  expect(await getDashboardCounts(admin), `dashboard after ${step}`).toMatchObject({
    hosts: await getDb().host.count(), hostsByStatus: { active: n("active"), reserved: n("reserved"), inactive: n("inactive") },
  });
  // So does GET /hosts's total, kept until the next commit (each step commits).
  expect((await listHosts(admin, hostListQuery.parse({}))).total, `GET /hosts total after ${step}`).toBe(await getDb().host.count());
}

/** Runs a write that the rules may refuse (a taken address, an overlap, a misaligned prefix): a refusal must change nothing either. */
let applied = 0;
async function attempt(fn: () => Promise<unknown>): Promise<void> {
  await Promise.resolve().then(fn).then(() => applied++, (error: unknown) => {
    if (!(error instanceof AppError || error instanceof ZodError)) throw error;
  });
}

async function randomStep(rand: () => number, base: string): Promise<string> {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const address = () => `${base}.${Math.floor(rand() * 24)}.${1 + Math.floor(rand() * 250)}`;
  const hosts = await getDb().host.findMany({ where: { ipAddress: { startsWith: `${base}.` } }, select: { id: true } });
  const networks = await getDb().network.findMany({ where: { network: { startsWith: `${base}.` } } });
  const someHosts = () => hosts.filter(() => rand() < 0.3).map((h) => h.id);
  const kind = pick(["host", "host", "host", "move", "status", "delete", "allocate", "bulk-status", "bulk-delete", "import", "network", "network", "resize", "drop-network"] as const);
  switch (kind) {
    case "host":
      await attempt(() => createHost(admin, hostSchema.parse({ ip_address: address(), status: pick(STATUSES) })));
      break;
    case "move":
      if (hosts.length) await attempt(() => updateHost(admin, pick(hosts).id, { patch: hostPatchSchema.parse({ ip_address: address() }) }));
      break;
    case "status":
      if (hosts.length) await attempt(() => updateHost(admin, pick(hosts).id, { patch: hostPatchSchema.parse({ status: pick(STATUSES) }) }));
      break;
    case "delete":
      if (hosts.length) await attempt(() => deleteHost(admin, pick(hosts).id));
      break;
    case "allocate":
      if (networks.length) await attempt(() => allocateIp(admin, pick(networks).id, allocateSchema.parse({ count: 1 + Math.floor(rand() * 3) })));
      break;
    case "bulk-status": {
      const ids = someHosts();
      if (ids.length) await attempt(() => bulkUpdateHostStatus(admin, { ids, status: pick(STATUSES) }));
      break;
    }
    case "bulk-delete": {
      const ids = someHosts();
      if (ids.length) await attempt(() => bulkDeleteHosts(admin, { ids }));
      break;
    }
    case "import": {
      const rows = Array.from({ length: 3 }, (_, i) => `${address()},imp${Math.floor(rand() * 1e9)}-${i},${pick(STATUSES)}`);
      await attempt(() => importFile(admin, () => readCsvFile(`ip_address,hostname,status\n${rows.join("\n")}\n`, "hosts"), { type: "hosts", dryRun: false, onConflict: "skip" }));
      break;
    }
    case "network":
      await attempt(() => createNetwork(admin, networkSchema.parse({ network: `${base}.${pick(SHAPES)}` })));
      break;
    case "resize":
      if (networks.length) {
        const n = pick(networks);
        await attempt(() => updateNetwork(admin, n.id, networkSchema.parse({ network: `${n.network}/${Math.max(16, n.cidr + (rand() < 0.5 ? -1 : 1))}` })));
      }
      break;
    case "drop-network":
      if (networks.length) await attempt(() => deleteNetwork(admin, pick(networks).id));
      break;
  }
  return kind;
}

describe("network_counts", () => {
  it.each([1, 2, 3])("stays equal to a recount through 60 random writes (seed %i)", async (seed) => {
    const rand = random(seed);
    const base = `10.${40 + seed}`;
    applied = 0;
    for (let step = 0; step < 60; step++) {
      const kind = await randomStep(rand, base);
      await expectCountsExact(`step ${step} (${kind}, seed ${seed})`);
    }
    // Most steps wrote something (a sequence of refusals would prove nothing), into several networks.
    expect(applied).toBeGreaterThan(30);
    const holding = await getDb().networkCount.count({ where: { total: { gt: 0 }, network: { network: { startsWith: `${base}.` } } } });
    expect(holding).toBeGreaterThan(1);
  }, 120_000);

  it("survives a backup and a restore over it (the table is derived: not in the file, rebuilt by the triggers)", async () => {
    const base = "10.60";
    await createNetwork(admin, networkSchema.parse({ network: `${base}.0.0/22` }));
    await createNetwork(admin, networkSchema.parse({ network: `${base}.1.0/24` }));
    for (const [ip, status] of [[`${base}.0.5`, "active"], [`${base}.1.5`, "reserved"], [`${base}.1.6`, "inactive"]] as const) {
      await createHost(admin, hostSchema.parse({ ip_address: ip, status }));
    }
    const backup = tempBackupPath();
    try {
      await writeBackupFile(admin, backup.file);
      await createHost(admin, hostSchema.parse({ ip_address: `${base}.1.9` })); // gone again after the restore
      await restoreBackupFile(admin, backup.file, { force: true });
    } finally {
      backup.remove();
    }
    await expectCountsExact("restore");
    const inner = await getDb().network.findFirstOrThrow({ where: { network: `${base}.1.0` } });
    expect(await getDb().networkCount.findUnique({ where: { networkId: inner.id } })).toMatchObject({ total: 2, reserved: 1, inactive: 1 });
  });

  it("recount repairs counts that drifted (a trigger dropped by hand) and reports how many had", async () => {
    const base = "10.61";
    const net = await createNetwork(admin, networkSchema.parse({ network: `${base}.0.0/24` }));
    await createHost(admin, hostSchema.parse({ ip_address: `${base}.0.7` }));
    await getDb().$executeRaw`UPDATE network_counts SET total = total + 5 WHERE network_id = ${net.id}`;
    expect(await networkCountDrift(getDb())).toEqual([{ networkId: net.id, stored: "6/0/0", actual: "1/0/0" }]);
    const result = await recountNetworkHostCounts();
    expect(result.drifted).toBe(1);
    expect(await networkCountDrift(getDb())).toEqual([]);
    await getDb().$executeRaw`DELETE FROM host_blocks WHERE level = 1`;
    expect((await hostBlockDrift(getDb())).length).toBeGreaterThan(0);
    expect((await recountNetworkHostCounts()).drifted).toBeGreaterThan(0);
    expect(await hostBlockDrift(getDb())).toEqual([]);
    // The rebuild alone, inside a caller's transaction, writes the same rows.
    await getDb().$transaction((tx) => recountNetworkHosts(tx));
    await expectCountsExact("recount");
  });
});
