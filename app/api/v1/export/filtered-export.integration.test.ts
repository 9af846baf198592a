import { beforeAll, describe, expect, it } from "vitest";
import * as item from "@/app/api/v1/export/[name]/route";
import * as hostsRoute from "@/app/api/v1/hosts/route";
import * as networksRoute from "@/app/api/v1/networks/route";
import { getDb } from "@/lib/db/client";
import { hostListQuery, networkListQuery } from "@/lib/schemas/list";
import { hostOrderBy } from "@/lib/services/hosts/host-query";
import { call, tokenFor } from "@/tests/api/client";
import { useTestDatabase } from "@/tests/db";
import { hostExportQuery, networkExportQuery } from "@/plugins/export/export-query";
import { sortedHostBatches, sortedNetworkBatches } from "@/plugins/export/sorted-batches";
import { send } from "@/plugins/testing/http";
import { seedSample } from "@/plugins/testing/seed";

// Issue 13 D: an export is exactly a table's view: the list filters, the
// list's sort (same values, same order on each engine, NULLs included) and
// the chosen columns, for CSV/XLSX and JSON alike.

useTestDatabase();
let viewer: string;
beforeAll(async () => {
  viewer = await tokenFor("viewer");
  await seedSample();
});

const get = (name: string, query: Record<string, string> = {}) => send(item.GET, "GET", `/export/${name}`, { token: viewer, params: { name }, query });
const csvRows = (text: string) => text.trimEnd().split("\r\n");
const listedHosts = async (sort: string) => (await call(hostsRoute.GET, "GET", "/hosts", { token: viewer, query: { per_page: 1000, sort } })).body.items as Array<{ ip_address: string }>;
const listedNetworks = async (sort: string) => (await call(networksRoute.GET, "GET", "/networks", { token: viewer, query: { per_page: 1000, sort } })).body.items as Array<{ prefix: string }>;

describe("filtered export", () => {
  it("takes every list filter and the sort, and no paging", () => {
    const paging = ["page", "per_page", "cursor"];
    for (const [list, exported] of [[hostListQuery, hostExportQuery], [networkListQuery, networkExportQuery]] as const) {
      for (const key of Object.keys(list.shape)) expect(key in exported.shape, key).toBe(!paging.includes(key));
    }
  });

  it("?sort= orders the rows as the list endpoint does, for hosts and networks, CSV and JSON", async () => {
    for (const sort of ["-hostname", "hostname", "status", "-last_seen", "mac_address", "-ip_address", "created_at"]) {
      const expected = (await listedHosts(sort)).map((h) => h.ip_address);
      expect(csvRows((await get("csv", { columns: "ip_address", sort })).text).slice(1), sort).toEqual(expected);
      expect(((await get("json", { columns: "ip_address", sort })).json as Array<{ ip_address: string }>).map((h) => h.ip_address), sort).toEqual(expected);
    }
    for (const sort of ["-name", "domain", "-vlan_id", "location", "-network"]) {
      const expected = (await listedNetworks(sort)).map((n) => n.prefix);
      expect(csvRows((await get("csv", { type: "networks", columns: "prefix", sort })).text).slice(1), sort).toEqual(expected);
    }
    expect((await get("csv", { sort: "password" })).status).toBe(400);
  });

  it("the utilization filters (utilization_gte, over_threshold) choose the same networks as the list", async () => {
    for (const query of [{ utilization_gte: "1" }, { utilization_gte: "0" }, { over_threshold: "true" }, { over_threshold: "false" }] as Array<Record<string, string>>) {
      const listed = (await call(networksRoute.GET, "GET", "/networks", { token: viewer, query: { per_page: 1000, sort: "network", ...query } })).body.items as Array<{ prefix: string }>;
      const exported = csvRows((await get("csv", { type: "networks", columns: "prefix", sort: "network", ...query })).text).slice(1);
      expect(exported, JSON.stringify(query)).toEqual(listed.map((n) => n.prefix));
    }
    // Not a vacuous check: the sample has networks on both sides of 1%.
    const some = (await call(networksRoute.GET, "GET", "/networks", { token: viewer, query: { utilization_gte: "1" } })).body.total as number;
    const all = (await call(networksRoute.GET, "GET", "/networks", { token: viewer })).body.total as number;
    expect(some).toBeGreaterThan(0);
    expect(some).toBeLessThan(all);
  });

  it("keyset pages in any sort neither skip nor repeat a row (NULLs and ties across page ends)", async () => {
    const db = getDb();
    for (const sort of ["hostname", "-hostname", "-last_seen", "last_seen", "mac_address", "-status", "network_id"]) {
      const parsed = hostListQuery.parse({ sort }).sort;
      const paged: string[] = [];
      for await (const batch of sortedHostBatches(db, {}, parsed, 2)) paged.push(...batch.map((h) => h.ipAddress));
      const whole = (await db.host.findMany({ orderBy: hostOrderBy(parsed) })).map((h) => h.ipAddress);
      expect(paged, sort).toEqual(whole);
    }
    for (const sort of ["-name", "domain", "vlan_id", "-location"]) {
      const parsed = networkListQuery.parse({ sort }).sort;
      const paged: string[] = [];
      for await (const batch of sortedNetworkBatches(db, {}, parsed, 1)) paged.push(...batch.map((n) => `${n.network}/${n.cidr}`));
      expect(paged, sort).toEqual((await listedNetworks(sort)).map((n) => n.prefix));
    }
  });

  it("json: ?columns= keeps those fields, in that order; an unknown one is a 400", async () => {
    const hosts = (await get("json", { columns: "hostname,ip_address", status: "reserved" })).json;
    expect(hosts).toEqual([{ hostname: "db", ip_address: "10.1.2.11" }]);
    expect(Object.keys(hosts[0])).toEqual(["hostname", "ip_address"]);
    const networks = (await get("json", { type: "networks", columns: "prefix,utilization", q: "lab" })).json;
    expect(networks).toEqual([{ prefix: "10.1.2.0/24", utilization: expect.any(Number) }]);
    const bad = await get("json", { columns: "ip_address,password" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/columns/);
  });

  it("csv: the columns a table shows beyond the import layout (prefix, utilization, counts, updated_at) on request only", async () => {
    const listed = (await listedNetworks("network")).find((n) => n.prefix === "10.1.2.0/24") as unknown as { utilization: number; used_hosts: number; total_hosts: number };
    expect(csvRows((await get("csv", { type: "networks", columns: "prefix,utilization,used_hosts,total_hosts", q: "lab" })).text))
      .toEqual(["prefix,utilization,used_hosts,total_hosts", `10.1.2.0/24,${listed.utilization},${listed.used_hosts},${listed.total_hosts}`]);
    const host = (await listedHosts("ip_address"))[0] as unknown as { ip_address: string; updated_at: string };
    expect(csvRows((await get("csv", { columns: "ip_address,updated_at" })).text)[1]).toBe(`${host.ip_address},${host.updated_at}`);
    expect(csvRows((await get("csv", {})).text)[0]).not.toMatch(/updated_at|^id,/);
  });
});
