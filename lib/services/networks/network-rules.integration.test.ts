import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { hostSchema } from "@/lib/schemas/host";
import { networkPatchSchema, networkSchema, type NetworkInput, type NetworkPatch } from "@/lib/schemas/network";
import { createHost } from "@/lib/services/hosts/create-host";
import { createNetwork } from "@/lib/services/networks/create-network";
import { createNetworks } from "@/lib/services/networks/create-networks";
import { patchNetwork } from "@/lib/services/networks/patch-network";
import { admin } from "@/plugins/testing/actors";
import { flaskDatabase } from "@/plugins/testing/flask-db";
import { importText } from "@/plugins/testing/plugin-calls";
import { resetDatabase, useTestDatabase } from "@/tests/db";

// Every network rule (networkWriteProblems) gives the same verdict whether
// the network arrives through the service (API, forms) or through a CSV or
// JSON import: one table of cases, three paths.

useTestDatabase();
beforeEach(resetDatabase);

interface Case {
  name: string;
  /** Networks created first (through the service). */
  networks?: NetworkInput[];
  /** Host addresses created after them. */
  hosts?: string[];
  write: Record<string, string>;
  /** null: accepted; otherwise the 409's message. */
  refused: RegExp | null;
}

const cases: Case[] = [
  { name: "a child over its parent's DHCP pool", networks: [{ network: "10.10.10.0/24", dhcp_start: "10.10.10.200", dhcp_end: "10.10.10.250" }],
    write: { network: "10.10.10.128/25" }, refused: /10\.10\.10\.128\/25 overlaps the DHCP pool 10\.10\.10\.200–10\.10\.10\.250 of 10\.10\.10\.0\/24/ },
  { name: "a child beside the pool", networks: [{ network: "10.10.10.0/24", dhcp_start: "10.10.10.200", dhcp_end: "10.10.10.250" }],
    write: { network: "10.10.10.0/25" }, refused: null },
  { name: "a parent whose pool covers an existing child", networks: [{ network: "10.20.0.128/25" }],
    write: { network: "10.20.0.0/24", dhcp_start: "10.20.0.200", dhcp_end: "10.20.0.250" },
    refused: /DHCP pool 10\.20\.0\.200–10\.20\.0\.250 of 10\.20\.0\.0\/24 overlaps child network 10\.20\.0\.128\/25/ },
  { name: "a /32 on the parent's network address", networks: [{ network: "10.30.0.0/24" }],
    write: { network: "10.30.0.0/32" }, refused: /10\.30\.0\.0\/32 would make 10\.30\.0\.0 usable, the network address of 10\.30\.0\.0\/24/ },
  { name: "a /31 on the parent's broadcast address", networks: [{ network: "10.30.0.0/24" }],
    write: { network: "10.30.0.254/31" }, refused: /would make 10\.30\.0\.255 usable, the broadcast address of 10\.30\.0\.0\/24/ },
  { name: "a /32 inside the parent", networks: [{ network: "10.30.0.0/24" }], write: { network: "10.30.0.7/32" }, refused: null },
  { name: "a /30 at the parent's start (its network address stays reserved)", networks: [{ network: "10.30.0.0/24" }],
    write: { network: "10.30.0.0/30" }, refused: null },
  { name: "a parent around a /32 on its network address", networks: [{ network: "10.31.0.0/32" }],
    write: { network: "10.31.0.0/24" }, refused: /10\.31\.0\.0\/32 would make 10\.31\.0\.0 usable, the network address of 10\.31\.0\.0\/24/ },
  { name: "an IPv6 /128 on the parent's subnet-router anycast address", networks: [{ network: "2001:db8:5::/64" }],
    write: { network: "2001:db8:5::/128" }, refused: /would make 2001:db8:5:: usable, the network address of 2001:db8:5::\/64/ },
  { name: "a host that would be the network address", networks: [{ network: "10.50.0.0/16" }], hosts: ["10.50.1.0"],
    write: { network: "10.50.1.0/24" }, refused: /Host 10\.50\.1\.0 \(id \d+\) would be the network address of 10\.50\.1\.0\/24/ },
  { name: "a host that would be the broadcast address", hosts: ["10.50.2.255"],
    write: { network: "10.50.2.0/24" }, refused: /Host 10\.50\.2\.255 \(id \d+\) would be the broadcast address of 10\.50\.2\.0\/24/ },
  { name: "the same prefix twice", networks: [{ network: "10.60.0.0/24" }], write: { network: "10.60.0.0/24" }, refused: /Network 10\.60\.0\.0\/24 already exists \(id \d+\)/ },
  { name: "a container over hosts", hosts: ["10.70.0.5"], write: { network: "10.70.0.0/16", status: "container" },
    refused: /10\.70\.0\.0\/16 can't be a container: host 10\.70\.0\.5 \(id \d+\) lies directly in it/ },
  { name: "a container whose hosts all sit in child networks", networks: [{ network: "10.71.1.0/24" }], hosts: ["10.71.1.5"],
    write: { network: "10.71.0.0/16", status: "container" }, refused: null },
  { name: "a reserved network over hosts (they stay)", hosts: ["10.72.0.5"], write: { network: "10.72.0.0/24", status: "reserved" }, refused: null },
];

async function seed(c: Pick<Case, "networks" | "hosts">): Promise<void> {
  for (const n of c.networks ?? []) await createNetwork(admin, networkSchema.parse(n));
  for (const ip of c.hosts ?? []) await createHost(admin, hostSchema.parse({ ip_address: ip }));
}

const csvOf = (row: Record<string, string>) => `${Object.keys(row).join(",")}\n${Object.values(row).join(",")}\n`;

/** The message the path refused with, or null when it accepted. */
async function verdict(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (error) {
    const e = error as { code: string; message: string; details?: { rows?: Array<{ message: string }> } };
    // A single write is a 409; an import is a 422 listing the row.
    if (e.code === "conflict") return e.message;
    if (e.code === "validation_error" && e.details?.rows) return e.details.rows.map((r) => r.message).join("; ");
    throw error;
  }
}

/** The original's ipam.db has network and cidr columns only (no pool, no status). */
function flaskFile(write: Record<string, string>): Buffer | null {
  if (Object.keys(write).some((k) => k !== "network")) return null;
  const [network, cidr] = write.network.split("/");
  return flaskDatabase([{ id: 1, network, cidr: Number(cidr) }], []);
}

const paths = {
  service: (c: Case) => createNetwork(admin, networkSchema.parse(c.write)),
  csv: (c: Case) => importText(admin, "csv", csvOf(c.write), { type: "networks" }),
  json: (c: Case) => importText(admin, "json", JSON.stringify([c.write]), { type: "networks" }),
  "flask-ipam": (c: Case) => importText(admin, "flask-ipam", flaskFile(c.write)!),
};

describe("network rules: the same verdict through the service and through import", () => {
  for (const c of cases) {
    for (const [path, run] of Object.entries(paths)) {
      if (path === "flask-ipam" && !flaskFile(c.write)) continue;
      it(`${c.name} (${path})`, async () => {
        await seed(c);
        const before = await getDb().network.count();
        const message = await verdict(() => run(c));
        if (c.refused === null) {
          expect(message).toBeNull();
          expect(await getDb().network.count()).toBe(before + 1);
        } else {
          expect(message).toMatch(c.refused);
          expect(await getDb().network.count()).toBe(before);
        }
      });
    }
  }
});

interface UpdateCase {
  name: string;
  networks: NetworkInput[];
  hosts?: string[];
  /** The first network's new fields. */
  patch: NetworkPatch;
  refused: RegExp | null;
}

const updates: UpdateCase[] = [
  { name: "moving the pool over a child", networks: [{ network: "10.80.0.0/24" }, { network: "10.80.0.128/25" }],
    patch: { dhcp_start: "10.80.0.200", dhcp_end: "10.80.0.250" },
    refused: /DHCP pool 10\.80\.0\.200–10\.80\.0\.250 of 10\.80\.0\.0\/24 overlaps child network 10\.80\.0\.128\/25/ },
  { name: "moving the pool beside the child", networks: [{ network: "10.80.0.0/24" }, { network: "10.80.0.128/25" }],
    patch: { dhcp_start: "10.80.0.20", dhcp_end: "10.80.0.50" }, refused: null },
  { name: "making a network with a host in it a container", networks: [{ network: "10.81.0.0/24" }], hosts: ["10.81.0.9"],
    patch: { status: "container" }, refused: /10\.81\.0\.0\/24 can't be a container: host 10\.81\.0\.9/ },
  { name: "making a network whose hosts are in children a container", networks: [{ network: "10.82.0.0/16" }, { network: "10.82.1.0/24" }],
    hosts: ["10.82.1.9"], patch: { status: "container" }, refused: null },
];

describe("network rules on update: PATCH and import with on_conflict=update agree", () => {
  for (const u of updates) {
    it(`${u.name} (service)`, async () => {
      await seed(u);
      const [first] = await getDb().network.findMany({ orderBy: { id: "asc" }, take: 1 });
      expect(await verdict(() => patchNetwork(admin, first.id, networkPatchSchema.parse(u.patch)))).toEqual(u.refused === null ? null : expect.stringMatching(u.refused));
      if (u.refused) expect(await getDb().network.findUnique({ where: { id: first.id } })).toEqual(first);
    });
    it(`${u.name} (csv, on_conflict=update)`, async () => {
      await seed(u);
      const row = { network: u.networks[0].network, ...(u.patch as Record<string, string>) };
      const run = () => importText(admin, "csv", csvOf(row), { type: "networks", onConflict: "update" });
      expect(await verdict(run)).toEqual(u.refused === null ? null : expect.stringMatching(u.refused));
    });
  }

  it("an edit that changes neither prefix, pool nor status passes even over data written before the rules", async () => {
    await seed({ networks: [{ network: "10.83.0.0/24" }, { network: "10.83.0.128/25" }] });
    const parent = (await getDb().network.findFirst({ where: { network: "10.83.0.0", cidr: 24 } }))!;
    await getDb().network.update({ where: { id: parent.id }, data: { dhcpStart: "10.83.0.200", dhcpEnd: "10.83.0.250" } });
    expect((await patchNetwork(admin, parent.id, networkPatchSchema.parse({ name: "legacy" }))).name).toBe("legacy");
  });
});

describe("bulk create checks its items together", () => {
  it("a pool in one item and a child over it in another: 422 naming both, nothing written", async () => {
    const items = [
      networkSchema.parse({ network: "10.90.0.0/24", dhcp_start: "10.90.0.100", dhcp_end: "10.90.0.150" }),
      networkSchema.parse({ network: "10.90.0.64/26" }),
      networkSchema.parse({ network: "10.91.0.0/24" }),
    ];
    await expect(createNetworks(admin, items)).rejects.toMatchObject({
      code: "validation_error",
      details: {
        "0.dhcp_start": [expect.stringContaining("overlaps child network 10.90.0.64/26")],
        "1.network": [expect.stringContaining("overlaps the DHCP pool 10.90.0.100–10.90.0.150 of 10.90.0.0/24")],
      },
    });
    expect(await getDb().network.count()).toBe(0);
  });

  it("the same prefix twice in one request", async () => {
    const item = networkSchema.parse({ network: "10.92.0.0/24" });
    await expect(createNetworks(admin, [item, item])).rejects.toMatchObject({ details: { "1.network": ["Network 10.92.0.0/24 already exists (item 0 of this request)"] } });
  });
});

describe("status", () => {
  it("defaults to active and imports as active from files without the column", async () => {
    expect((await createNetwork(admin, networkSchema.parse({ network: "10.93.0.0/24" }))).status).toBe("active");
    await importText(admin, "csv", "network,name\n10.93.1.0/24,a\n", { type: "networks" });
    await importText(admin, "csv", "network,status\n10.93.2.0/24,\n10.93.3.0/24,deprecated\n", { type: "networks" });
    await importText(admin, "flask-ipam", flaskDatabase([{ id: 1, network: "10.93.4.0", cidr: 24 }], []));
    const stored = await getDb().network.findMany({ orderBy: { startKey: "asc" }, select: { network: true, status: true } });
    expect(stored.map((n) => n.status)).toEqual(["active", "active", "active", "deprecated", "active"]);
  });

  it("refuses an unknown status with the same message on every path", async () => {
    const message = "Status must be active, reserved, deprecated or container";
    expect(() => networkSchema.parse({ network: "10.94.0.0/24", status: "retired" })).toThrow(message);
    await expect(importText(admin, "csv", "network,status\n10.94.0.0/24,retired\n", { type: "networks" }))
      .rejects.toMatchObject({ details: { rows: [{ row: 2, field: "status", message }] } });
  });
});
