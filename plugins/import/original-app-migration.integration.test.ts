import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { hostSchema } from "@/lib/schemas/host";
import { networkSchema } from "@/lib/schemas/network";
import { createHost } from "@/lib/services/hosts/create-host";
import { createNetwork } from "@/lib/services/networks/create-network";
import { resetDatabase, useTestDatabase } from "@/tests/db";
import { admin } from "@/plugins/testing/actors";
import { dnsmasqTest } from "@/plugins/dnsmasq/testing/daemon";
import type { ImporterName } from "@/plugins/define-plugin";
import { importer } from "@/plugins/registry";
import { exportText } from "@/plugins/testing/plugin-calls";
import { originalAppDatabase, originalHosts, originalNetworks } from "@/plugins/testing/original-app-db";
import type { ConflictMode, ImportReport } from "@/plugins/import/types";

// Requirement: users of the original can migrate. Its ipam.db, with every
// value its forms accepted, imports with repair=true without losing a row or
// a value; without repair the 422 names each row that fails.

useTestDatabase();
beforeEach(resetDatabase);

const run = (name: ImporterName, content: string | Buffer, options: { repair?: boolean; dryRun?: boolean; onConflict?: ConflictMode } = {}) =>
  importer(name).run({
    actor: admin,
    upload: { filename: null, mediaType: null, bytes: typeof content === "string" ? Buffer.from(content) : content },
    options: { dryRun: options.dryRun ?? false, onConflict: options.onConflict ?? "error", repair: options.repair },
  });
const failure = (promise: Promise<unknown>) =>
  promise.then(() => { throw new Error("expected the import to fail"); }, (e: unknown) => e as { code: string; message: string; details: any });
const csv = (...lines: string[]) => `${lines.join("\n")}\n`;

async function storedHosts() {
  const networks = new Map((await getDb().network.findMany()).map((n) => [n.id, `${n.network}/${n.cidr}`]));
  const hosts = await getDb().host.findMany({ orderBy: { ipKey: "asc" } });
  return new Map(hosts.map((h) => [h.ipAddress, {
    hostname: h.hostname, cname: h.cname, mac: h.macAddress, status: h.status, description: h.description,
    network: h.networkId === null ? null : networks.get(h.networkId), lastSeen: h.lastSeen?.toISOString() ?? null, source: h.discoverySource,
  }]));
}

describe("the original app's ipam.db", () => {
  it("with repair=true every row imports and nothing is lost", async () => {
    const report = await run("flask-ipam", originalAppDatabase(), { repair: true });
    expect(report).toMatchObject({ created: originalNetworks.length + originalHosts.length, updated: 0, skipped: 0, errors: [] });

    const networks = await getDb().network.findMany({ orderBy: { startKey: "asc" } });
    expect(networks.map((n) => [`${n.network}/${n.cidr}`, n.name, n.domain, n.description, n.status])).toEqual([
      ["10.20.0.0/16", "DATACENTER", "dc.example.com", null, "active"],
      ["10.20.5.0/24", "db_net", null, "databases\n\nno domain", "active"],
      ["192.168.10.0/24", "Office_LAN", "office.example", "Main office\nsecond floor", "active"],
      ["2001:db8:0:1::/64", "v6 lab", "v6.example", null, "active"],
    ]);

    const hosts = await storedHosts();
    expect(hosts.size).toBe(originalHosts.length);
    const base = { cname: null, mac: null, status: "active", description: null, lastSeen: null, source: null };
    expect(Object.fromEntries(hosts)).toEqual({
      "192.168.10.10": { ...base, hostname: null, mac: "aa:bb:cc:00:00:01", description: "primary db\nimported name: db_01", network: "192.168.10.0/24" },
      "192.168.10.11": { ...base, hostname: "web-01", mac: "aa:bb:cc:00:00:02", description: "line one\nline two\n\tindented", network: "192.168.10.0/24" },
      "192.168.10.12": { ...base, hostname: null, mac: "aa:bb:cc:00:00:03", status: "reserved", description: "imported name: café", network: "192.168.10.0/24" },
      "192.168.10.13": { ...base, hostname: null, status: "inactive", description: "old\nbox\nimported name: web server", network: "192.168.10.0/24" },
      "10.20.5.20": { ...base, hostname: "web-01", mac: "aa:bb:cc:00:00:05", network: "10.20.5.0/24" },
      "192.168.10.14": { ...base, hostname: null, description: "the second web-01\nimported name: Web-01 (duplicate)", network: "192.168.10.0/24" },
      "10.99.0.5": { ...base, hostname: "orphan", mac: "aa:bb:cc:00:00:07", network: null },
      "10.99.0.6": { ...base, hostname: null, description: "imported name: orphan (duplicate)", network: null },
      "2001:db8:0:1::10": { ...base, hostname: null, mac: "aa:bb:cc:00:00:09", description: "imported name: V6_Host", network: "2001:db8:0:1::/64" },
      "10.20.1.1": {
        ...base, hostname: "gw", cname: "gateway", description: "imported alias: gw_alias", network: "10.20.0.0/16",
        lastSeen: "2024-05-01T10:00:00.123Z", source: "nmap",
      },
      "10.20.5.21": { ...base, hostname: null, mac: "aa:bb:cc:00:00:0b", description: "imported name: DB_02", network: "10.20.5.0/24" },
      "10.20.5.22": { ...base, hostname: null, description: "no name,\njust notes", network: "10.20.5.0/24" },
    });

    expect(report.repairs).toEqual([
      { table: "hosts", row: 1, field: "hostname", message: expect.stringContaining('cleared, kept in the description as "imported name: db_01"') },
      { table: "hosts", row: 3, field: "hostname", message: expect.stringContaining('"imported name: café"') },
      { table: "hosts", row: 4, field: "hostname", message: expect.stringContaining('"imported name: web server"') },
      { table: "hosts", row: 6, field: "hostname", message: 'Name "web-01.office.example" is also on row 2: cleared, kept in the description as "imported name: Web-01 (duplicate)"' },
      { table: "hosts", row: 8, field: "hostname", message: 'Name "orphan" is also on row 7: cleared, kept in the description as "imported name: orphan (duplicate)"' },
      { table: "hosts", row: 9, field: "hostname", message: expect.stringContaining('"imported name: V6_Host"') },
      { table: "hosts", row: 10, field: "cname", message: expect.stringMatching(/^Alias "gw_alias" .*: dropped, kept in the description as "imported alias: gw_alias"$/) },
      { table: "hosts", row: 11, field: "hostname", message: expect.stringContaining('"imported name: DB_02"') },
    ]);
  });

  it("the dry run lists the same repairs and writes nothing", async () => {
    const dry = await run("flask-ipam", originalAppDatabase(), { repair: true, dryRun: true });
    expect(dry.repairs).toHaveLength(8);
    expect(await getDb().host.count()).toBe(0);
    expect(await run("flask-ipam", originalAppDatabase(), { repair: true })).toEqual({ ...dry });
  });

  it("without repair: all or nothing, and the 422 names each failing row", async () => {
    const e = await failure(run("flask-ipam", originalAppDatabase()));
    expect(e.code).toBe("validation_error");
    const failed = [...new Set(e.details.rows.map((r: { table: string; row: number; field: string }) => `${r.table} ${r.row} ${r.field}`))];
    expect(failed.sort()).toEqual([
      "hosts 1 hostname", "hosts 10 cname", "hosts 11 hostname", "hosts 3 hostname", "hosts 4 hostname", "hosts 6 hostname", "hosts 8 hostname", "hosts 9 hostname",
    ]);
    expect(e.details.repairs).toBeUndefined();
    expect(await getDb().network.count()).toBe(0);
    expect(await getDb().host.count()).toBe(0);
  });

  it("the migrated database exports to files that re-import unchanged and that dnsmasq accepts", async () => {
    await run("flask-ipam", originalAppDatabase(), { repair: true });
    const before = await storedHosts();
    const [networksJson, hostsCsv] = [await exportText(admin, "json", { type: "networks" }), await exportText(admin, "csv", { type: "hosts" })];
    const conf = await exportText(admin, "dnsmasq");
    const check = dnsmasqTest(conf);
    expect(check.ok, check.output).toBe(true);
    expect(conf).toContain("host-record=web-01.office.example,");
    expect(conf).not.toMatch(/db_01|café|imported/);
    await resetDatabase();
    await run("json", networksJson);
    expect(await run("csv", hostsCsv)).toMatchObject({ created: originalHosts.length, errors: [] });
    expect(await storedHosts()).toEqual(before);
  });
});

describe("repair=true on CSV and JSON files", () => {
  it("CSV: a repaired row keeps its address, MAC and status; its repairs are listed by file line", async () => {
    const report = await run("csv", csv(
      "IP Address,Hostname,MAC Address,Status,Description",
      '10.1.0.5,db_01,AA-BB-CC-00-01-05,reserved,"first line',
      'second line"',
      "10.1.0.6,ok-name,,,",
    ), { repair: true });
    expect(report).toEqual({
      created: 2, updated: 0, skipped: 0, errors: [],
      repairs: [{ row: 2, field: "hostname", message: expect.stringContaining('"imported name: db_01"') }],
    });
    expect(await getDb().host.findUnique({ where: { ipAddress: "10.1.0.5" } })).toMatchObject({
      hostname: null, macAddress: "aa:bb:cc:00:01:05", status: "reserved", description: "first line\nsecond line\nimported name: db_01",
    });
  });

  it("JSON: the original's export format, repaired", async () => {
    const file = JSON.stringify({ export_type: "hosts", data: [{ ip_address: "10.1.0.7", hostname: "web server", description: "a\r\nb" }] });
    const report = await run("json", file, { repair: true });
    expect(report.repairs).toEqual([{ row: 1, field: "hostname", message: expect.stringContaining('"imported name: web server"') }]);
    expect((await getDb().host.findFirstOrThrow()).description).toBe("a\nb\nimported name: web server");
  });

  it("networks: a domain DNS cannot carry is kept in the description", async () => {
    const report = await run("csv", csv("network,name,domain", "10.2.0.0/24,Lab_Net,lab_zone.example"), { repair: true });
    expect(report.repairs).toEqual([{ row: 2, field: "domain", message: expect.stringContaining('"imported domain: lab_zone.example"') }]);
    expect(await getDb().network.findFirstOrThrow()).toMatchObject({ name: "Lab_Net", domain: null, description: "imported domain: lab_zone.example" });
    expect((await failure(run("csv", csv("network,domain", "10.3.0.0/24,lab_zone.example")))).details.rows).toEqual([
      { row: 2, field: "domain", message: expect.stringContaining("lab_zone") },
    ]);
  });

  it("a name a stored host already has is a duplicate by FQDN; the same name in another domain is not", async () => {
    const lab = await createNetwork(admin, networkSchema.parse({ network: "10.4.0.0/24", domain: "lab.example" }));
    await createNetwork(admin, networkSchema.parse({ network: "10.5.0.0/24", domain: "prod.example" }));
    const web = await createHost(admin, hostSchema.parse({ ip_address: "10.4.0.10", hostname: "web", cname: "www" }));
    const report = await run("csv", csv(
      "ip_address,hostname,cname",
      "10.4.0.11,WEB,",
      "10.4.0.12,app,www",
      "10.5.0.11,web,www",
    ), { repair: true });
    expect(report.repairs).toEqual([
      { row: 2, field: "hostname", message: `Name "web.lab.example" already belongs to host ${web.id} (10.4.0.10): cleared, kept in the description as "imported name: WEB (duplicate)"` },
      { row: 3, field: "cname", message: `Name "www.lab.example" already belongs to host ${web.id} (10.4.0.10): dropped, kept in the description as "imported alias: www (duplicate)"` },
    ]);
    const byAddress = new Map((await getDb().host.findMany()).map((h) => [h.ipAddress, h]));
    expect(byAddress.get("10.4.0.12")).toMatchObject({ hostname: "app", cname: null, description: "imported alias: www (duplicate)" });
    expect(byAddress.get("10.5.0.11")).toMatchObject({ hostname: "web", cname: "www", networkId: expect.any(Number) });
    expect(byAddress.get("10.5.0.11")?.networkId).not.toBe(lab.id);
  });

  it("a row that updates a stored host keeps that host's names; round-robin names are not duplicates", async () => {
    await createHost(admin, hostSchema.parse({ ip_address: "10.6.0.10", hostname: "web", cname: "www" }));
    const report = await run("csv", csv(
      "ip_address,hostname,cname,allow_duplicate_name",
      "10.6.0.10,web,www,true",
      "10.6.0.11,web,,true",
    ), { repair: true, onConflict: "update" });
    expect(report).toEqual({ created: 1, updated: 1, skipped: 0, errors: [], repairs: [] });
    expect((await getDb().host.findMany({ where: { hostname: "web" } })).length).toBe(2);
  });

  it("without repair the report has no repairs key, as before", async () => {
    expect(await run("csv", csv("ip_address,hostname", "10.7.0.1,a"))).toEqual({ created: 1, updated: 0, skipped: 0, errors: [] });
  });
});
