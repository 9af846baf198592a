import { spawn } from "node:child_process";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { getDb } from "@/lib/db/client";
import { lockNetworks } from "@/lib/db/raw/locks";
import { immediateWriteFactory } from "@/lib/db/sqlite-immediate";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { allocateSchema, hostSchema } from "@/lib/schemas/host";
import { createSubnetSchema, networkSchema } from "@/lib/schemas/network";
import { createHost } from "@/lib/services/hosts/create-host";
import { allocateIp } from "@/lib/services/ip/allocate-ip";
import { isTransientWriteError, isUniqueViolation } from "@/lib/services/ip/retryable";
import { createNetwork } from "@/lib/services/networks/create-network";
import { createSubnet } from "@/lib/services/networks/create-subnet";
import { deleteNetwork } from "@/lib/services/networks/delete-network";
import { inWriteTransaction } from "@/lib/services/write-options";
import { editor } from "@/plugins/testing/actors";
import { sortKey, parseAddress } from "@/lib/ipam";

// Writers racing inside one process (on PostgreSQL: on separate pool
// connections) and against a second connection that plays another
// instance: no address is handed out twice, nothing fails with a 500, and
// the network locks serialize only writers of the same network.

const { file, url, engine } = useTestDatabase();

const net = async (network: string, fields: Record<string, unknown> = {}) => (await createNetwork(editor, networkSchema.parse({ network, ...fields }))).id;
const allocate = (id: number, body: Record<string, unknown> = {}) => allocateIp(editor, id, allocateSchema.parse(body));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const addressesOf = (r: Awaited<ReturnType<typeof allocate>>) => ("items" in r ? r.items : [r]).map((h) => h.ip_address);

/**
 * Another instance's connection: inserts a host in its own transaction,
 * without any network lock, and commits `holdMs` later. On SQLite it is
 * another process: better-sqlite3 waits for a lock synchronously, so a
 * holder in this process could not commit while we wait.
 */
async function otherWriterInserting(ip: string, holdMs: number): Promise<{ committed: Promise<void> }> {
  const values = [ip, sortKey(parseAddress(ip)), ip.includes(":") ? 6 : 4];
  if (engine === "postgresql") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("BEGIN");
    await client.query("INSERT INTO hosts (ip_address, ip_key, family, status, updated_at) VALUES ($1, $2, $3, 'active', now())", values);
    return { committed: sleep(holdMs).then(() => client.query("COMMIT")).then(() => client.end()) };
  }
  const script = `
    const db = new (require("better-sqlite3"))(process.argv[1]);
    db.exec("BEGIN IMMEDIATE");
    db.prepare("INSERT INTO hosts (ip_address, ip_key, family, status, created_at, updated_at) VALUES (?, ?, ?, 'active', ?, ?)").run(...JSON.parse(process.argv[2]), Date.now(), Date.now());
    console.log("locked");
    setTimeout(() => { db.exec("COMMIT"); db.close(); }, ${holdMs});`;
  const child = spawn(process.execPath, ["-e", script, file, JSON.stringify(values)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("locked") && resolve());
    child.on("exit", (code) => reject(new Error(`writer exited with ${code}`)));
  });
  return { committed: new Promise((resolve) => child.on("exit", () => resolve())) };
}

describe("concurrent writers", () => {
  it("allocations, count=50 allocations, host creation and subnets racing in one network: all distinct, no errors", async () => {
    const id = await net("10.150.0.0/20");
    const singles = Array.from({ length: 120 }, (_, i) => allocate(id, { hostname: `race-${i}` }));
    const batches = Array.from({ length: 4 }, () => allocate(id, { count: 50 }));
    // Fixed addresses that allocation would otherwise hand out: whoever comes second gets a 409, never a 500.
    const fixed = Array.from({ length: 20 }, (_, i) => createHost(editor, hostSchema.parse({ ip_address: `10.150.0.${i + 10}` })).then((h) => [h.ip_address], (e) => {
      expect(e).toMatchObject({ code: "conflict" });
      return [];
    }));
    // Subnets take the top of the /20 (the planner's first offer is the first block free of hosts).
    const subnets = Array.from({ length: 4 }, () => createSubnet(editor, id, createSubnetSchema.parse({ cidr: 26 })));
    const results = await Promise.all([...singles.map((p) => p.then(addressesOf)), ...batches.map((p) => p.then(addressesOf)), ...fixed]);
    const made = await Promise.all(subnets);
    const addresses = results.flat();
    expect(addresses.length).toBeGreaterThanOrEqual(120 + 200);
    expect(new Set(addresses).size).toBe(addresses.length);
    expect(new Set(made.map((s) => s.network)).size).toBe(4);
    const stored = await getDb().host.findMany({ where: { ipAddress: { in: addresses } }, select: { ipAddress: true, ipKey: true, networkId: true } });
    expect(stored).toHaveLength(addresses.length);
    // Every host belongs to the innermost network holding it: a subnet created meanwhile took the hosts inside it.
    const children = await getDb().network.findMany({ where: { parentId: id } });
    const innermost = (key: string) => children.find((c) => c.startKey <= key && key <= c.endKey)?.id ?? id;
    expect(stored.filter((h) => h.networkId !== innermost(h.ipKey))).toEqual([]);
  });

  it("a host another connection commits while the allocation waits is not handed out again", async () => {
    const id = await net("10.151.0.0/24");
    // The other writer takes .1 (the next free address) without the network's lock and holds its transaction open.
    const other = await otherWriterInserting("10.151.0.1", 300);
    // SQLite: the allocation waits for the other writer's lock (BEGIN IMMEDIATE, busy timeout).
    // PostgreSQL: it searches, picks .1, its insert waits on the unique index and then fails: it searches again.
    const started = Date.now();
    const made = await allocate(id);
    await other.committed;
    expect(made).toMatchObject({ ip_address: "10.151.0.2" });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await getDb().host.count({ where: { ipAddress: { startsWith: "10.151.0." } } })).toBe(2);
  });

  it("a network's lock holds back writers of that network only (PostgreSQL); SQLite's write lock holds back every writer", async () => {
    const one = await net("10.152.0.0/24");
    const two = await net("10.153.0.0/24");
    const done: string[] = [];
    const holder = inWriteTransaction(null, undefined, async (tx) => {
      await lockNetworks(tx, [one]);
      await tx.network.findUniqueOrThrow({ where: { id: one } });
      await sleep(1500);
      done.push("holder");
    });
    await sleep(150);
    const same = allocate(one).then(() => done.push("same network"));
    const other = allocate(two).then(() => done.push("other network"));
    await Promise.all([holder, same, other]);
    // SQLite runs one write transaction at a time (in this process and across processes).
    expect(done).toEqual(engine === "postgresql" ? ["other network", "holder", "same network"] : ["holder", "same network", "other network"]);
  });

  it("five writers creating the same network, or the same host, at once: one wins, the others get 409", async () => {
    const networks = await Promise.allSettled(Array.from({ length: 5 }, () => net("10.156.0.0/24")));
    const hosts = await Promise.allSettled(Array.from({ length: 5 }, () => createHost(editor, hostSchema.parse({ ip_address: "10.156.0.9" }))));
    for (const outcome of [networks, hosts]) {
      expect(outcome.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const r of outcome.filter((r) => r.status === "rejected")) expect(r.reason).toMatchObject({ code: "conflict" });
    }
  });

  it("deleting a network and allocating in it at once: one of them wins, never both", async () => {
    for (let round = 0; round < 6; round++) {
      const id = await net(`10.154.${round}.0/24`);
      const [made, deleted] = await Promise.allSettled([
        sleep(round % 3).then(() => allocate(id, { count: 5 })),
        sleep(2 - (round % 3)).then(() => deleteNetwork(editor, id)),
      ]);
      const hosts = await getDb().host.count({ where: { ipAddress: { startsWith: `10.154.${round}.` } } });
      if (made.status === "fulfilled") {
        // The allocation committed first: the delete saw its hosts.
        expect(deleted).toMatchObject({ status: "rejected", reason: { code: "network_not_empty" } });
        expect(hosts).toBe(5);
      } else {
        // The delete committed first: the allocation found no network and wrote nothing.
        expect(made).toMatchObject({ status: "rejected", reason: { code: "not_found" } });
        expect(deleted.status).toBe("fulfilled");
        expect(hosts).toBe(0);
      }
    }
  });

  it("recognises the engine's own busy, deadlock and unique errors as retryable", async () => {
    const error = await getDb().host.create({ data: { ipAddress: "10.155.0.1", ipKey: sortKey(parseAddress("10.155.0.1")), family: 4 } })
      .then(() => getDb().host.create({ data: { ipAddress: "10.155.0.1", ipKey: sortKey(parseAddress("10.155.0.1")), family: 4 } }))
      .catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isTransientWriteError(error)).toBe(false);
    expect(isTransientWriteError(await transientError())).toBe(true);
    expect(isUniqueViolation(new Error("nope")) || isTransientWriteError(new Error("nope"))).toBe(false);
  });
});

/**
 * The error a writer meets when another one holds what it needs: on SQLite
 * the lock held by another connection past a (short) busy timeout, through
 * the app's own adapter stack (P1008); on PostgreSQL a deadlock between two
 * transactions taking network locks in opposite orders (40P01).
 */
async function transientError(): Promise<unknown> {
  if (engine === "postgresql") {
    const [a, b] = await Promise.allSettled([
      getDb().$transaction(async (tx) => { await lockNetworks(tx, [900_001]); await sleep(300); await lockNetworks(tx, [900_002]); }),
      getDb().$transaction(async (tx) => { await lockNetworks(tx, [900_002]); await sleep(300); await lockNetworks(tx, [900_001]); }),
    ]);
    return [a, b].find((r) => r.status === "rejected")?.reason;
  }
  const holder = new Database(file);
  holder.exec("BEGIN IMMEDIATE");
  const impatient = new PrismaClient({ adapter: immediateWriteFactory(new PrismaBetterSqlite3({ url, timeout: 50 })) });
  try {
    return await impatient.$transaction(async (tx) => tx.network.count()).catch((e: unknown) => e);
  } finally {
    await impatient.$disconnect();
    holder.exec("ROLLBACK");
    holder.close();
  }
}
