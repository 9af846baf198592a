import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { hostKeyAtRank } from "@/lib/db/raw/host-rank";
import { AppError } from "@/lib/errors";
import { changeListQuery } from "@/lib/schemas/change";
import { encodeCursor } from "@/lib/schemas/cursor";
import { hostSchema } from "@/lib/schemas/host";
import { availableIpsQuery, freeRangesQuery } from "@/lib/schemas/ip";
import { hostListQuery, networkListQuery } from "@/lib/schemas/list";
import { networkSchema } from "@/lib/schemas/network";
import { listChanges } from "@/lib/services/changes/list-changes";
import { createHosts } from "@/lib/services/hosts/create-hosts";
import { deleteHost } from "@/lib/services/hosts/delete-host";
import { hostOrderBy, hostWhere } from "@/lib/services/hosts/host-query";
import { listHosts } from "@/lib/services/hosts/list-hosts";
import { listAvailableIps } from "@/lib/services/ip/list-available-ips";
import { listFreeRanges } from "@/lib/services/ip/list-free-ranges";
import { createNetwork } from "@/lib/services/networks/create-network";
import { listNetworks } from "@/lib/services/networks/list-networks";
import { networkOrderBy } from "@/lib/services/networks/network-query";
import { SEEK_AFTER_PAGE } from "@/lib/services/paging/read-list-page";
import { useTestDatabase } from "@/tests/db";

// Keyset cursors and deep pages (lib/services/paging) on real rows, on
// either engine: walks that see rows inserted and deleted between pages,
// page numbers past SEEK_AFTER_PAGE against plain OFFSET, bad cursors.

useTestDatabase();
const admin: Actor = { kind: "token", id: 1, name: "t", role: "admin" };

// A deterministic shuffle, so a failure can be replayed.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];

const NET = "10.71.0.0/22";
let nextOctet = 0;
/** Host data with NULLs and ties in the sortable columns. */
function hostData(i: number) {
  const ip = `10.71.${Math.floor(i / 250)}.${(i % 250) + 1}`;
  return hostSchema.parse({
    ip_address: ip,
    hostname: i % 4 === 0 ? null : `h${String(i % 7).padStart(2, "0")}-${i}`,
    mac_address: i % 3 === 0 ? null : `02:00:00:00:${String(Math.floor(i / 100) % 100).padStart(2, "0")}:${String(i % 100).padStart(2, "0")}`,
    status: (["active", "inactive", "reserved"] as const)[i % 3],
  });
}

beforeAll(async () => {
  await createNetwork(admin, networkSchema.parse({ network: NET, name: "paging" }));
  await createHosts(admin, Array.from({ length: 60 }, (_, i) => hostData(i)));
  nextOctet = 60;
});

const inNet = { q: "10.71." };

describe("host cursors", () => {
  const sorts = ["ip_address", "-ip_address", "hostname", "-hostname", "mac_address", "-mac_address", "-status", "network_id", "id", "-created_at", "last_seen"];
  for (const sort of sorts) {
    it(`sort=${sort}: no row skipped or repeated while rows are inserted and deleted between pages`, async () => {
      const db = getDb();
      const before = await db.host.findMany({ where: { ipAddress: { startsWith: "10.71." } }, select: { id: true } });
      const deleted = new Set<number>();
      const seen: number[] = [];
      let page = await listHosts(admin, hostListQuery.parse({ ...inNet, sort, per_page: "7" }));
      for (let n = 0; n < 100; n++) {
        seen.push(...page.items.map((h) => h.id));
        if (!page.next_cursor) break;
        // Between pages: a new host, and one deleted (seen or not).
        await createHosts(admin, [hostData(nextOctet++)]);
        const victim = pick((await db.host.findMany({ where: { ipAddress: { startsWith: "10.71." } }, select: { id: true } })).map((h) => h.id));
        await deleteHost(admin, victim);
        deleted.add(victim);
        page = await listHosts(admin, hostListQuery.parse({ ...inNet, sort, per_page: "7", cursor: page.next_cursor }));
      }
      expect(new Set(seen).size).toBe(seen.length);
      for (const { id } of before) if (!deleted.has(id)) expect(seen).toContain(id);
      // The walk is in the list's order: the rows still there, as a fresh full read orders them.
      const query = hostListQuery.parse({ ...inNet, sort });
      const now = await db.host.findMany({ where: await hostWhere(db, query), orderBy: hostOrderBy(query.sort), select: { id: true } });
      const kept = new Set(seen);
      expect(seen.filter((id) => !deleted.has(id))).toEqual(now.map((h) => h.id).filter((id) => kept.has(id)));
    });
  }

  it("prev_cursor walks back to page 1 over the same rows, and page numbers follow", async () => {
    const pages = [await listHosts(admin, hostListQuery.parse({ ...inNet, sort: "-hostname", per_page: "5" }))];
    while (pages.at(-1)!.next_cursor) pages.push(await listHosts(admin, hostListQuery.parse({ ...inNet, sort: "-hostname", per_page: "5", cursor: pages.at(-1)!.next_cursor })));
    expect(pages.map((p) => p.page)).toEqual(pages.map((_, i) => i + 1));
    expect(pages[0].prev_cursor).toBeNull();
    let back = pages.at(-1)!;
    for (let i = pages.length - 2; i >= 0; i--) {
      back = await listHosts(admin, hostListQuery.parse({ ...inNet, sort: "-hostname", per_page: "5", cursor: back.prev_cursor }));
      expect(back.page).toBe(i + 1);
      expect(back.items.map((h) => h.id)).toEqual(pages[i].items.map((h) => h.id));
    }
    expect(back.prev_cursor).toBeNull();
  });

  it("a cursor past the last row gives the last page", async () => {
    const last = await listHosts(admin, hostListQuery.parse({ ...inNet, per_page: "5", page: "999" }));
    const beyond = encodeCursor({ sort: "ip_address", page: 500, direction: "after", key: ["9"] });
    const page = await listHosts(admin, hostListQuery.parse({ ...inNet, per_page: "5", cursor: beyond }));
    expect(page).toMatchObject({ page: last.page, next_cursor: null });
    expect(page.items.map((h) => h.id)).toEqual(last.items.map((h) => h.id));
  });
});

describe("page numbers past SEEK_AFTER_PAGE", () => {
  it("seek to the same rows as OFFSET, for every sort, in any order of visits", async () => {
    const db = getDb();
    await createNetwork(admin, networkSchema.parse({ network: "10.72.0.0/23" }));
    await createHosts(admin, Array.from({ length: 260 }, (_, i) => hostSchema.parse({
      ip_address: `10.72.${Math.floor(i / 250)}.${(i % 250) + 1}`,
      hostname: i % 5 === 0 ? null : `s${i % 11}`,
      allow_duplicate_name: true,
    })));
    const q = "10.72.";
    const lastPage = Math.ceil(260 / 2);
    expect(lastPage).toBeGreaterThan(SEEK_AFTER_PAGE);
    for (const sort of ["ip_address", "-hostname", "hostname", "id"]) {
      const query = hostListQuery.parse({ q, sort, per_page: "2" });
      const where = await hostWhere(db, query);
      // Far pages first, then their neighbours, then the last page, so the kept boundaries are used from both sides.
      for (const n of [125, 101, 130, 102, 129, 115, 999]) {
        const got = await listHosts(admin, hostListQuery.parse({ q, sort, per_page: "2", page: String(n) }));
        const shown = Math.min(n, lastPage);
        const expected = await db.host.findMany({ where, orderBy: hostOrderBy(query.sort), skip: (shown - 1) * 2, take: 2, select: { id: true } });
        expect(got.page).toBe(shown);
        expect(got.items.map((h) => h.id)).toEqual(expected.map((h) => h.id));
        expect(got.next_cursor === null).toBe(shown === lastPage);
      }
    }
  });
});

describe("deep pages of every host in address order (the occupancy summary finds their first key)", () => {
  it("hostKeyAtRank gives OFFSET's key at every rank, across IPv4 /16 and /24 blocks and IPv6, and null past the end", async () => {
    const db = getDb();
    await createNetwork(admin, networkSchema.parse({ network: "10.80.0.0/15" }));
    await createNetwork(admin, networkSchema.parse({ network: "2001:db8:5::/64" }));
    // Runs inside /24s, across /24s and across the /16 boundary, and IPv6 hosts one per /112.
    // More than 64 blocks at each level (the first read of the summary takes 64 rows, the next ones more).
    const v4 = Array.from({ length: 300 }, (_, i) => `10.${80 + (i % 2)}.${(i * 7) % 256}.${(i * 37) % 254 + 1}`);
    const v6 = Array.from({ length: 100 }, (_, i) => `2001:db8:5::${(i * 13).toString(16)}:${i + 1}`);
    await createHosts(admin, [...new Set(v4)].map((ip) => hostSchema.parse({ ip_address: ip })));
    await createHosts(admin, v6.map((ip) => hostSchema.parse({ ip_address: ip })));
    const keys = (await db.host.findMany({ orderBy: { ipKey: "asc" }, select: { ipKey: true } })).map((h) => h.ipKey);
    expect(keys.length).toBeGreaterThan(700);
    for (let rank = 0; rank < keys.length; rank++) expect(await hostKeyAtRank(rank), `rank ${rank}`).toBe(keys[rank]);
    expect(await hostKeyAtRank(keys.length)).toBeNull();
  });

  it("page numbers past SEEK_AFTER_PAGE, ascending and descending, give OFFSET's rows with a write before every read", async () => {
    const db = getDb();
    const total = await db.host.count();
    const pages = Math.ceil(total / 3);
    expect(pages).toBeGreaterThan(SEEK_AFTER_PAGE + 20);
    let n = 0;
    for (const sort of ["ip_address", "-ip_address"]) {
      const query = hostListQuery.parse({ sort });
      for (const page of [SEEK_AFTER_PAGE + 1, pages - 3, SEEK_AFTER_PAGE + 17, pages, SEEK_AFTER_PAGE + 18, SEEK_AFTER_PAGE + 9]) {
        // A write first: the kept boundaries from the last read are gone, so the page is found from the summary.
        const [added] = await createHosts(admin, [hostSchema.parse({ ip_address: `10.81.250.${++n}` })]);
        await deleteHost(admin, added.id);
        const got = await listHosts(admin, hostListQuery.parse({ sort, per_page: "3", page: String(page) }));
        const expected = await db.host.findMany({ orderBy: hostOrderBy(query.sort), skip: (page - 1) * 3, take: 3, select: { id: true } });
        expect(got.page, `${sort} page ${page}`).toBe(page);
        expect(got.items.map((h) => h.id), `${sort} page ${page}`).toEqual(expected.map((h) => h.id));
      }
    }
  });
});

describe("bad cursors", () => {
  it("text that is not a cursor is refused by the schema, naming cursor", () => {
    for (const bad of ["xyz!", "bm90IGpzb24", encodeURIComponent("{}"), "eyJzIjoxfQ"]) {
      const parsed = hostListQuery.safeParse({ cursor: bad });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0].path).toEqual(["cursor"]);
    }
  });

  it("a cursor of another sort, or a key that does not fit the order, is a 400 naming cursor", async () => {
    const page = await listHosts(admin, hostListQuery.parse({ ...inNet, per_page: "3" }));
    const wrongSort = listHosts(admin, hostListQuery.parse({ ...inNet, per_page: "3", sort: "hostname", cursor: page.next_cursor }));
    await expect(wrongSort).rejects.toMatchObject({ code: "bad_request", details: { cursor: expect.any(Array) } });
    const wrongKey = encodeCursor({ sort: "hostname", page: 2, direction: "after", key: [5] });
    await expect(listHosts(admin, hostListQuery.parse({ sort: "hostname", cursor: wrongKey }))).rejects.toBeInstanceOf(AppError);
    const changes = changeListQuery.parse({ cursor: page.next_cursor });
    await expect(listChanges(admin, changes)).rejects.toMatchObject({ code: "bad_request" });
  });
});

describe("network and change cursors", () => {
  it("networks by name (NULLs included) walk to the end, in order, once each", async () => {
    for (let i = 0; i < 9; i++) {
      await createNetwork(admin, networkSchema.parse({ network: `10.73.${i}.0/24`, name: i % 3 === 0 ? undefined : `n${i % 4}` }));
    }
    for (const sort of ["name", "-name", "network", "-network"]) {
      const all = await getDb().network.findMany({ orderBy: networkOrderBy(networkListQuery.parse({ sort }).sort), select: { id: true } });
      const seen: number[] = [];
      let page = await listNetworks(admin, networkListQuery.parse({ sort, per_page: "4" }));
      seen.push(...page.items.map((n) => n.id));
      while (page.next_cursor) {
        page = await listNetworks(admin, networkListQuery.parse({ sort, per_page: "4", cursor: page.next_cursor }));
        seen.push(...page.items.map((n) => n.id));
      }
      expect(seen).toEqual(all.map((n) => n.id));
    }
  });

  it("changes continue below the cursor's record, newest first, to the end", async () => {
    const all = await listChanges(admin, changeListQuery.parse({ per_page: "1000" }));
    const seen: number[] = [];
    let page = await listChanges(admin, changeListQuery.parse({ per_page: "6" }));
    seen.push(...page.items.map((c) => c.id));
    while (page.next_cursor) {
      page = await listChanges(admin, changeListQuery.parse({ per_page: "6", cursor: page.next_cursor }));
      expect(page.total).toBe(all.total);
      seen.push(...page.items.map((c) => c.id));
    }
    expect(seen).toEqual(all.items.map((c) => c.id));
  });
});

describe("free-ranges and available-ips page to the end", () => {
  it("by next_cursor, every range and every address, once", async () => {
    const net = await createNetwork(admin, networkSchema.parse({ network: "10.74.0.0/26" }));
    await createHosts(admin, [3, 4, 9, 20, 21, 22, 40, 41, 60].map((n) => hostSchema.parse({ ip_address: `10.74.0.${n}` })));
    const ranges = [];
    let r = await listFreeRanges(admin, net.id, freeRangesQuery.parse({ limit: "2" }));
    ranges.push(...r.items);
    while (r.next_cursor) {
      r = await listFreeRanges(admin, net.id, freeRangesQuery.parse({ limit: "2", cursor: r.next_cursor }));
      ranges.push(...r.items);
    }
    expect(ranges).toEqual((await listFreeRanges(admin, net.id, freeRangesQuery.parse({ limit: "1000" }))).items);
    expect(ranges.map((x) => `${x.first}-${x.last}`)).toEqual(["10.74.0.1-10.74.0.2", "10.74.0.5-10.74.0.8", "10.74.0.10-10.74.0.19", "10.74.0.23-10.74.0.39", "10.74.0.42-10.74.0.59", "10.74.0.61-10.74.0.62"]);

    const ips: string[] = [];
    let a = await listAvailableIps(admin, net.id, availableIpsQuery.parse({ limit: "7" }));
    ips.push(...a.items);
    while (a.next_cursor) {
      a = await listAvailableIps(admin, net.id, availableIpsQuery.parse({ limit: "7", cursor: a.next_cursor }));
      ips.push(...a.items);
    }
    expect(ips).toHaveLength(62 - 9);
    expect(new Set(ips).size).toBe(ips.length);
    expect(String(a.available_hosts)).toBe(String(ips.length));
    // A full last page says there is no more: no empty page to fetch.
    const exact = await listAvailableIps(admin, net.id, availableIpsQuery.parse({ limit: String(ips.length) }));
    expect(exact.next_cursor).toBeNull();
    // Another list's cursor is refused.
    const hosts = await listHosts(admin, hostListQuery.parse({ per_page: "1" }));
    await expect(listFreeRanges(admin, net.id, freeRangesQuery.parse({ cursor: hosts.next_cursor }))).rejects.toMatchObject({ code: "bad_request" });
  });
});
