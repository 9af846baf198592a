import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { getDb } from "@/lib/db/client";
import { EVERY_KEY, keyJustAbove, keyJustBelow, lastAddress, parseAddress, parsePrefix, sortKey, sortKeyOf } from "@/lib/ipam";
import {
  countHostsInRanges, findTokenForAuth, idsContaining, innermostNetworkId, keyReader,
  networkDepths, pingDatabase, setHostNetworkInRange, setNetworkParent,
} from "@/lib/db/raw";
import { hostsWithKeys, hostsWithMacs, insertHosts, insertNetworks, releaseMacs } from "@/lib/db/raw/bulk-import";
import { hostNameClaims, insertHostNames, isHostNameUniqueViolation } from "@/lib/db/raw/host-names";
import { isUniqueViolationOf } from "@/lib/db/raw/unique-violation";

// The raw statements against a real, migrated database of either engine.
// Rows are written with plain Prisma so these tests depend on nothing but the
// schema. Each reader runs twice: inside a transaction (Prisma's $queryRaw)
// and on the read connection (better-sqlite3 or the pg pool), and both must
// agree.

useTestDatabase();

let nextPrefix = 0;
/** A fresh 10.x.0.0/16 per test, so tests do not see each other's rows. */
const freshSpace = () => `10.${++nextPrefix}`;

async function network(prefix: string, name?: string) {
  const p = parsePrefix(prefix);
  return getDb().network.create({
    data: {
      network: prefix.split("/")[0], cidr: p.length, family: p.family, name,
      startKey: sortKeyOf(p.family, p.network), endKey: sortKeyOf(p.family, lastAddress(p)),
    },
  });
}

async function host(ip: string, data: { hostname?: string; cname?: string; description?: string } = {}) {
  const a = parseAddress(ip);
  return getDb().host.create({ data: { ipAddress: ip, ipKey: sortKey(a), family: a.family, ...data } });
}

const key = (ip: string) => sortKey(parseAddress(ip));
const range = (first: string, last: string) => ({ lo: key(first), hi: key(last) });
const bothWays = async <T>(read: (tx?: Parameters<Parameters<ReturnType<typeof getDb>["$transaction"]>[0]>[0]) => Promise<T>) =>
  [await read(), await getDb().$transaction((tx) => read(tx))];

describe("host counts", () => {
  it("counts each range in one statement, the same inside a transaction and on the read connection", async () => {
    const s = freshSpace();
    for (const last of [1, 2, 3, 200]) await host(`${s}.0.${last}`);
    await host(`${s}.1.1`);
    const ranges = [range(`${s}.0.0`, `${s}.0.255`), range(`${s}.0.2`, `${s}.0.3`), range(`${s}.1.0`, `${s}.1.255`), range(`${s}.2.0`, `${s}.2.255`)];
    const [outside, inside] = await bothWays((tx) => countHostsInRanges(ranges, tx));
    expect(outside).toEqual([4n, 2n, 1n, 0n]);
    expect(inside).toEqual(outside);
  });

  it("splits more ranges than SQLite can bind into several statements, keeping their order", async () => {
    const s = freshSpace();
    await host(`${s}.0.7`);
    const ranges = Array.from({ length: 12_000 }, (_, i) => (i === 11_999 ? range(`${s}.0.0`, `${s}.0.255`) : range(`${s}.9.0`, `${s}.9.255`)));
    const [outside, inside] = await bothWays((tx) => countHostsInRanges(ranges, tx));
    expect(outside.at(-1)).toBe(1n);
    expect(outside.slice(0, -1).every((c) => c === 0n)).toBe(true);
    expect(inside).toEqual(outside);
  });

  it("sees another connection's commit at once, though counts are cached between commits", async () => {
    const s = freshSpace();
    const r = [range(`${s}.0.0`, `${s}.0.255`)];
    expect(await countHostsInRanges(r)).toEqual([0n]);
    await host(`${s}.0.9`);
    expect(await countHostsInRanges(r)).toEqual([1n]);
    expect((await countHostsInRanges([EVERY_KEY]))[0]).toBe(BigInt(await getDb().host.count()));
  });
});

describe("key reader", () => {
  it("reads keys by keyset page and the occupancy summary's blocks in order, both ways", async () => {
    const s = freshSpace();
    for (const last of [5, 6, 9, 20]) await host(`${s}.0.${last}`);
    await host(`${s}.1.7`);
    const hi = key(`${s}.0.255`);
    const block = (third: number) => key(`${s}.${third}.0`).slice(0, 31);
    const [outside, inside] = await bothWays(async (tx) => {
      const reader = keyReader(tx);
      return {
        page: await reader.keysAfter(key(`${s}.0.5`), hi, 2),
        tail: await reader.keysAfter(key(`${s}.0.9`), hi, 10),
        blocks: await reader.blocks(1, block(0), block(255), 10),
        one: await reader.blocks(1, block(1), block(1), 10),
        wide: await reader.blocks(2, key(`${s}.0.0`).slice(0, 29), key(`${s}.0.0`).slice(0, 29), 10),
      };
    });
    expect(outside).toEqual({
      page: [key(`${s}.0.6`), key(`${s}.0.9`)],
      tail: [key(`${s}.0.20`)],
      blocks: [{ key: block(0), used: 4 }, { key: block(1), used: 1 }],
      one: [{ key: block(1), used: 1 }],
      wide: [{ key: key(`${s}.0.0`).slice(0, 29), used: 5 }],
    });
    expect(inside).toEqual(outside);
  });

  it("a transaction's reader sees its own uncommitted host and block count; the read connection does not", async () => {
    const s = freshSpace();
    const lo = key(`${s}.0.0`), hi = key(`${s}.0.255`);
    const seen = await getDb().$transaction(async (tx) => {
      const a = parseAddress(`${s}.0.1`);
      await tx.host.create({ data: { ipAddress: `${s}.0.1`, ipKey: sortKey(a), family: 4 } });
      return {
        inside: await keyReader(tx).keysAfter(lo, hi, 5), outside: await keyReader().keysAfter(lo, hi, 5),
        insideBlocks: await keyReader(tx).blocks(1, lo.slice(0, 31), hi.slice(0, 31), 5), outsideBlocks: await keyReader().blocks(1, lo.slice(0, 31), hi.slice(0, 31), 5),
      };
    });
    expect(seen).toEqual({ inside: [key(`${s}.0.1`)], outside: [], insideBlocks: [{ key: lo.slice(0, 31), used: 1 }], outsideBlocks: [] });
  });

  it("the sort-key sentinels bound a family's first and last address", async () => {
    await host("0.0.0.0");
    await host("255.255.255.255");
    const reader = keyReader();
    expect(await reader.keysAfter(keyJustBelow(4, 0n), keyJustAbove(4, 0n), 1)).toEqual([key("0.0.0.0")]);
    expect(await reader.keysAfter(keyJustBelow(4, 0xffffffffn), keyJustAbove(4, 0xffffffffn), 1)).toEqual([key("255.255.255.255")]);
  });
});

describe("network tree", () => {
  it("finds the innermost network of a key, writes derived columns, and walks depths", async () => {
    const s = freshSpace();
    const top = await network(`${s}.0.0/16`);
    const mid = await network(`${s}.4.0/22`);
    const leaf = await network(`${s}.5.0/24`);
    const h = await host(`${s}.5.9`);
    const db = getDb();
    expect(await innermostNetworkId(db, key(`${s}.5.9`))).toBe(leaf.id);
    expect(await innermostNetworkId(db, key(`${s}.4.1`))).toBe(mid.id);
    expect(await innermostNetworkId(db, key(`${s}.200.1`))).toBe(top.id);
    expect(await innermostNetworkId(db, key("192.0.2.1"))).toBeNull();

    expect(await setNetworkParent(db, mid.id, top.id)).toBe(1);
    expect(await setNetworkParent(db, mid.id, top.id)).toBe(0);
    expect(await setNetworkParent(db, leaf.id, mid.id)).toBe(1);
    expect(await setHostNetworkInRange(db, key(`${s}.5.0`), key(`${s}.5.255`), leaf.id)).toBe(1);
    expect(await setHostNetworkInRange(db, key(`${s}.5.0`), key(`${s}.5.255`), leaf.id)).toBe(0);
    expect((await db.host.findUniqueOrThrow({ where: { id: h.id } })).networkId).toBe(leaf.id);
    // NULL is a value here on both engines (SQLite IS NOT, PostgreSQL IS DISTINCT FROM).
    expect(await setHostNetworkInRange(db, key(`${s}.5.0`), key(`${s}.5.255`), null)).toBe(1);
    expect(await setHostNetworkInRange(db, key(`${s}.5.0`), key(`${s}.5.255`), null)).toBe(0);
    expect(await setHostNetworkInRange(db, key(`${s}.5.0`), key(`${s}.5.255`), leaf.id)).toBe(1);

    expect(Object.fromEntries(await networkDepths(db, [leaf.id, top.id, mid.id]))).toEqual({ [top.id]: 0, [mid.id]: 1, [leaf.id]: 2 });
    expect((await networkDepths(db, [])).size).toBe(0);
    expect((await networkDepths(db, [999_999])).size).toBe(0);
  });
});

describe("text search", () => {
  it("matches % and _ literally", async () => {
    const s = freshSpace();
    const pct = await host(`${s}.0.1`, { description: "100% up" });
    await host(`${s}.0.2`, { description: "1000 up" });
    const db = getDb();
    expect(await idsContaining(db, "hosts", "0% U")).toEqual([pct.id]);
    const net = await network(`${s}.0.0/24`, "under_score");
    await network(`${s}.1.0/24`, "underXscore");
    expect(await idsContaining(db, "networks", "r_s")).toEqual([net.id]);
  });
});

describe("tokens and health", () => {
  it("finds a token by its hash on the read connection, and the database answers", async () => {
    const user = await getDb().user.create({ data: { email: `raw-${Date.now()}@example.com`, name: "Raw", passwordHash: "x", role: "admin" } });
    await getDb().apiToken.create({ data: { name: "raw", tokenHash: "raw-hash", tokenHint: "ipam_…", role: "editor", userId: user.id } });
    expect(await findTokenForAuth("raw-hash")).toMatchObject({ name: "raw", role: "editor", expiresAt: null, ownerId: user.id, owner: { role: "admin", disabled: false } });
    expect(await findTokenForAuth("other")).toBeNull();
    await expect(pingDatabase()).resolves.toBeUndefined();
  });
});

describe("bulk import statements", () => {
  it("inserts rows Prisma reads back unchanged (dates included), finds them by key and MAC, and releases MACs", async () => {
    const s = freshSpace();
    const before = Date.now();
    const seen = await getDb().$transaction(async (tx) => {
      await insertNetworks(tx, [`${s}.0.0/24`], (prefix) => {
        const p = parsePrefix(prefix);
        return { network: `${s}.0.0`, cidr: 24, family: 4, startKey: sortKeyOf(4, p.network), endKey: sortKeyOf(4, lastAddress(p)), name: "bulk", status: "active" };
      });
      await insertHosts(tx, [1, 2, 3], (i) => ({
        ipAddress: `${s}.0.${i}`, ipKey: key(`${s}.0.${i}`), family: 4, hostname: `bulk-${i}`, status: "active", allowDuplicateName: false,
        macAddress: `02:00:00:00:00:0${i}`, lastSeen: new Date("2026-01-02T03:04:05.000Z"),
      }));
      const byKey = await hostsWithKeys(tx, [key(`${s}.0.2`), key(`${s}.0.9`)]);
      const byMac = await hostsWithMacs(tx, ["02:00:00:00:00:03"]);
      await releaseMacs(tx, [byMac[0].id]);
      return { byKey, byMac };
    });
    expect(seen.byKey.map((h) => h.ip_address)).toEqual([`${s}.0.2`]);
    expect(seen.byMac.map((h) => h.ip_address)).toEqual([`${s}.0.3`]);
    const hosts = await getDb().host.findMany({ where: { hostname: { startsWith: "bulk-" } }, orderBy: { ipKey: "asc" } });
    expect(hosts.map((h) => [h.hostname, h.macAddress])).toEqual([["bulk-1", "02:00:00:00:00:01"], ["bulk-2", "02:00:00:00:00:02"], ["bulk-3", null]]);
    expect(hosts[0].lastSeen?.toISOString()).toBe("2026-01-02T03:04:05.000Z");
    expect(hosts[0].createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(hosts[0].updatedAt.getTime()).toBe(hosts[0].createdAt.getTime());
    const net = await getDb().network.findFirstOrThrow({ where: { name: "bulk" } });
    expect(net.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });
});

describe("unique violations", () => {
  it("names the table whose unique index refused a model write or a raw insert", async () => {
    const s = freshSpace();
    await host(`${s}.0.1`);
    // Same address, another key: only hosts(ip_address) refuses it.
    const model = await getDb().host.create({ data: { ipAddress: `${s}.0.1`, ipKey: key(`${s}.0.2`), family: 4 } }).catch((e) => e);
    const raw = await getDb()
      .$transaction((tx) => insertHosts(tx, [1], () => ({ ipAddress: `${s}.0.1`, ipKey: key(`${s}.0.3`), family: 4, status: "active", allowDuplicateName: false })))
      .catch((e) => e);
    for (const error of [model, raw]) {
      expect(isUniqueViolationOf(error, "hosts")).toBe(true);
      expect(isUniqueViolationOf(error, "host_names")).toBe(false);
    }
    expect(isUniqueViolationOf(new Error("UNIQUE"), "hosts")).toBe(false);
  });

  it("a refused name row leaves the transaction usable, to read who holds the name; ignoring keeps the first claim", async () => {
    const s = freshSpace();
    const first = await host(`${s}.0.1`, { hostname: "taken" });
    await host(`${s}.0.2`, { hostname: "taken" });
    const row = (ip: string) => ({ ipKey: key(ip), fqdn: `taken.${s}.example`, kind: "hostname" as const, roundRobin: false });
    const claims = await getDb().$transaction(async (tx) => {
      await insertHostNames(tx, [row(`${s}.0.1`)]);
      const error = await insertHostNames(tx, [row(`${s}.0.2`)]).catch((e) => e);
      expect(isHostNameUniqueViolation(error)).toBe(true);
      await insertHostNames(tx, [row(`${s}.0.2`)], true);
      return hostNameClaims(tx, [`taken.${s}.example`]);
    });
    expect(claims.map((c) => c.host_id)).toEqual([first.id]);
  });
});
