import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createHost } from "@/lib/services/hosts/create-host";
import { hostSchema } from "@/lib/schemas/host";
import { createNetwork } from "@/lib/services/networks/create-network";
import { networkSchema } from "@/lib/schemas/network";
import { resetDatabase, useTestDatabase } from "@/tests/db";
import { admin } from "@/plugins/testing/actors";
import { flaskDatabase } from "@/plugins/testing/flask-db";
import { exportText, importText } from "@/plugins/testing/plugin-calls";

useTestDatabase();
beforeEach(resetDatabase);

const csv = (...lines: string[]) => `${lines.join("\n")}\n`;
const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error("expected the import to fail"); }, (e: unknown) => e as { code: string; message: string; details: any });
const host = (ip: string) => getDb().host.findUnique({ where: { ipAddress: ip } });

describe("hosts: duplicates follow on_conflict", () => {
  let ids: number[];
  beforeEach(async () => {
    await createNetwork(admin, networkSchema.parse({ network: "10.5.0.0/24" }));
    ids = [
      (await createHost(admin, hostSchema.parse({ ip_address: "10.5.0.10", hostname: "old", mac_address: "52:54:00:00:05:10", description: "stored" }))).id,
      (await createHost(admin, hostSchema.parse({ ip_address: "10.5.0.11", hostname: "other", mac_address: "52:54:00:00:05:11" }))).id,
    ];
  });
  const file = csv("ip_address,hostname,mac_address,description", "10.5.0.10,new,52:54:00:00:05:11,from file", "10.5.0.11,other2,52:54:00:00:05:10,", "10.5.0.20,fresh,,");

  it("error: 422 naming each existing address; nothing changes", async () => {
    const e = await failure(importText(admin, "csv", file));
    expect(e.details.rows).toEqual([
      { row: 2, field: "ip_address", message: `Address 10.5.0.10 already exists (id ${ids[0]})` },
      { row: 3, field: "ip_address", message: `Address 10.5.0.11 already exists (id ${ids[1]})` },
    ]);
    expect(e.details).toMatchObject({ created: 1, updated: 0, skipped: 0 });
    expect(await getDb().host.count()).toBe(2);
  });

  it("skip: the original's duplicate skipping", async () => {
    expect(await importText(admin, "csv", file, { onConflict: "skip" })).toEqual({ created: 1, updated: 0, skipped: 2, errors: [] });
    expect((await host("10.5.0.10"))?.hostname).toBe("old");
  });

  it("update: replaces the stored fields (two hosts may even swap MACs)", async () => {
    expect(await importText(admin, "csv", file, { onConflict: "update" })).toEqual({ created: 1, updated: 2, skipped: 0, errors: [] });
    expect(await host("10.5.0.10")).toMatchObject({ hostname: "new", macAddress: "52:54:00:00:05:11", description: "from file", id: ids[0] });
    expect(await host("10.5.0.11")).toMatchObject({ hostname: "other2", macAddress: "52:54:00:00:05:10", description: null });
  });

  it("the same address twice in a file: an error, skipped, or the later row wins", async () => {
    const twice = csv("ip_address,hostname", "10.5.0.30,first", "10.5.0.30,second");
    expect((await failure(importText(admin, "csv", twice))).details.rows).toEqual([{ row: 3, field: "ip_address", message: "Address 10.5.0.30 is also on row 2" }]);
    expect(await importText(admin, "csv", twice, { onConflict: "skip", dryRun: true })).toEqual({ created: 1, updated: 0, skipped: 1, errors: [] });
    expect(await importText(admin, "csv", twice, { onConflict: "update" })).toEqual({ created: 1, updated: 1, skipped: 0, errors: [] });
    expect((await host("10.5.0.30"))?.hostname).toBe("second");
  });
});

describe("hosts: the service's rules, checked for the whole file", () => {
  let networkId: number;
  let db: number;
  beforeEach(async () => {
    networkId = (await createNetwork(admin, networkSchema.parse({ network: "10.6.0.0/24", domain: "six.example" }))).id;
    db = (await createHost(admin, hostSchema.parse({ ip_address: "10.6.0.5", hostname: "db", cname: "sql", mac_address: "52:54:00:00:06:05" }))).id;
  });

  it.each([
    // Names are judged by FQDN since issue 9 (the network's domain is six.example), by the service's checkHosts.
    ["a MAC of a stored host", "10.6.0.7,x1,52:54:00:00:06:05,", "mac_address", "MAC 52:54:00:00:06:05 already belongs to host # (10.6.0.5, db)"],
    ["an alias that is a stored hostname", "10.6.0.7,x1,,db", "cname", 'Alias "db.six.example" is already the hostname of host # (10.6.0.5, db)'],
    ["an alias of a stored host", "10.6.0.7,x1,,sql", "cname", 'Alias "sql.six.example" is already an alias of host # (10.6.0.5, db)'],
    ["a hostname that is a stored alias", "10.6.0.7,sql,,", "hostname", 'Hostname "sql.six.example" is already an alias of host # (10.6.0.5, db)'],
    ["the network address of its network", "10.6.0.0,x1,,", "ip_address", "10.6.0.0 is the network address of 10.6.0.0/24"],
    ["the broadcast address of its network", "10.6.0.255,x1,,", "ip_address", "10.6.0.255 is the broadcast address of 10.6.0.0/24"],
  ])("refuses %s", async (_, line, field, message) => {
    const e = await failure(importText(admin, "csv", csv("ip_address,hostname,mac_address,cname", line)));
    expect(e.details.rows).toEqual([{ row: 2, field, message: message.replace("#", String(db)) }]);
  });

  it("checks rows against each other in both directions, whatever their order", async () => {
    const e = await failure(importText(admin, "csv", csv(
      "ip_address,hostname,cname,mac_address",
      "10.6.0.20,a,www,52:54:00:00:06:20",
      "10.6.0.21,b,www,52:54:00:00:06:20",
      "10.6.0.22,c,a,",
    )));
    expect(e.details.rows).toEqual([
      { row: 3, field: "mac_address", message: "MAC 52:54:00:00:06:20 is also on row 2" },
      { row: 3, field: "cname", message: 'Alias "www.six.example" is also an alias on row 2' },
      { row: 4, field: "cname", message: 'Alias "a.six.example" is also the hostname on row 2' },
    ]);
  });

  it("derives each host's network (a network_id column is ignored) and normalizes like the API", async () => {
    await createNetwork(admin, networkSchema.parse({ network: "10.6.0.128/25" }));
    await importText(admin, "csv", csv("ip_address,hostname,mac_address,network_id", "10.6.0.200,Web-1,AA-BB-CC-00-06-C8,999", "10.6.0.9,,,"));
    const inner = await getDb().network.findFirstOrThrow({ where: { cidr: 25 } });
    expect(await host("10.6.0.200")).toMatchObject({ hostname: "web-1", macAddress: "aa:bb:cc:00:06:c8", networkId: inner.id, status: "active" });
    expect((await host("10.6.0.9"))?.networkId).toBe(networkId);
  });
});

describe("networks", () => {
  it("creates many, then derives parents and moves hosts into the new, more specific networks", async () => {
    const outer = await createNetwork(admin, networkSchema.parse({ network: "10.7.0.0/16" }));
    await createHost(admin, hostSchema.parse({ ip_address: "10.7.1.10" }));
    const report = await importText(admin, "csv", csv("network,cidr,name,gateway,dhcp_start,dhcp_end", "10.7.1.0,24,lab,10.7.1.1,10.7.1.100,10.7.1.200", "2001:db8:7::/64,,v6,,,"));
    expect(report).toEqual({ created: 2, updated: 0, skipped: 0, errors: [] });
    const lab = await getDb().network.findFirstOrThrow({ where: { name: "lab" } });
    expect(lab.parentId).toBe(outer.id);
    expect((await host("10.7.1.10"))?.networkId).toBe(lab.id);
  });

  it("refuses a network that would make a stored host its broadcast address", async () => {
    const stored = await createHost(admin, hostSchema.parse({ ip_address: "10.8.0.255" }));
    const e = await failure(importText(admin, "csv", csv("network", "10.8.0.0/24")));
    expect(e.details.rows).toEqual([{ row: 2, field: "network", message: `Host 10.8.0.255 (id ${stored.id}) would be the broadcast address of 10.8.0.0/24` }]);
    // A /31 no longer "keeps" the host (issue 9): it would make the /24's broadcast address usable, so both rows are refused.
    const both = await failure(importText(admin, "csv", csv("network", "10.8.0.0/24", "10.8.0.254/31")));
    expect(both.details.rows.map((r: { row: number }) => r.row)).toEqual([2, 3]);
    expect(both.details.rows[1].message).toBe("10.8.0.254/31 would make 10.8.0.255 usable, the broadcast address of 10.8.0.0/24");
  });

  it("on_conflict=update rewrites a stored network's fields; prefixes are matched in any spelling", async () => {
    await createNetwork(admin, networkSchema.parse({ network: "2001:db8:9::/64", name: "before" }));
    expect(await importText(admin, "csv", csv("network,cidr,name", "2001:DB8:9:0::,64,after"), { onConflict: "update" })).toMatchObject({ updated: 1 });
    expect((await getDb().network.findFirstOrThrow()).name).toBe("after");
  });

  it("rows fail the API's schema, with the API's messages", async () => {
    const e = await failure(importText(admin, "csv", csv("network,cidr,gateway,vlan_id", "10.9.0.0,24,,5000", "10.9.0.0,24,10.9.1.1,", "10.9.1.5,24,,")));
    expect(e.details.rows).toEqual([
      { row: 2, field: "vlan_id", message: "VLAN ID must be a whole number from 1 to 4094" },
      { row: 3, field: "gateway", message: "Gateway 10.9.1.1 is not inside 10.9.0.0/24" },
      { row: 4, field: "network", message: expect.stringContaining("10.9.1.0/24") },
    ]);
  });
});

describe("files from the original Flask app import as they are", () => {
  it("its CSV exports (Title Case headers, derived columns, naive timestamps, dashed MACs)", async () => {
    await importText(admin, "csv", csv(
      "Network,CIDR,Broadcast Address,VLAN ID,Location,Description,Total Hosts,Used Hosts,Available Hosts",
      "192.168.10.0,24,192.168.10.255,10,Server Room,Main,254,2,252",
    ));
    const report = await importText(admin, "csv", csv(
      "IP Address,Hostname,MAC Address,Status,Is Assigned,Last Seen,Discovery Source,Network,Description",
      "192.168.10.5,Server1,00-1B-44-11-3A-B7,active,True,2024-05-01T10:00:00.123456,nmap,192.168.10.0/24,Web server",
      "192.168.10.6,,,reserved,False,,,192.168.10.0/24,",
    ));
    expect(report).toEqual({ created: 2, updated: 0, skipped: 0, errors: [] });
    expect(await host("192.168.10.5")).toMatchObject({
      hostname: "server1", macAddress: "00:1b:44:11:3a:b7", lastSeen: new Date("2024-05-01T10:00:00.123Z"), discoverySource: "nmap",
    });
    expect(await getDb().network.findFirstOrThrow()).toMatchObject({ vlanId: 10, location: "Server Room", description: "Main" });
  });

  it("its JSON exports ({export_type, data} with statistics and nested network objects)", async () => {
    await importText(admin, "json", JSON.stringify({
      export_type: "networks", export_version: "1.0",
      data: [{ network: "192.168.20.0", cidr: 24, broadcast_address: "192.168.20.255", vlan_id: null, location: "", description: "x", statistics: { total_hosts: 254 } }],
    }));
    const report = await importText(admin, "json", JSON.stringify({
      export_type: "hosts", export_version: "1.0",
      data: [{ ip_address: "192.168.20.9", hostname: "nas", mac_address: null, status: "active", is_assigned: true, last_seen: null, discovery_source: null, description: "", network: { network: "192.168.20.0", cidr: 24, vlan_id: null } }],
    }));
    expect(report).toEqual({ created: 1, updated: 0, skipped: 0, errors: [] });
    expect((await host("192.168.20.9"))?.networkId).toBe((await getDb().network.findFirstOrThrow()).id);
  });

  it("its database (flask-ipam): networks first, then hosts, errors named by table and old id", async () => {
    const db = flaskDatabase(
      [{ id: 3, network: "10.30.0.0", cidr: 24, broadcast_address: "10.30.0.255", name: "lab", domain: "lab.example", vlan_id: 30 }, { id: 4, network: "10.31.0.0", cidr: 24 }],
      [
        { id: 7, ip_address: "10.30.0.7", hostname: "web", cname: "www", mac_address: "52:54:00:00:30:07", status: "active", network_id: 3, last_seen: "2024-03-04 05:06:07.000000" },
        { id: 8, ip_address: "10.31.0.8", hostname: "printer", status: "reserved", network_id: 4 },
      ],
    );
    expect(await importText(admin, "flask-ipam", db)).toEqual({ created: 4, updated: 0, skipped: 0, errors: [] });
    expect(await host("10.30.0.7")).toMatchObject({ hostname: "web", cname: "www", lastSeen: new Date("2024-03-04T05:06:07Z") });
    expect(await exportText(admin, "dnsmasq-dns")).toContain("host-record=web.lab.example,web,10.30.0.7");
    await resetDatabase();
    const bad = flaskDatabase([{ id: 1, network: "10.40.0.0", cidr: 24 }], [{ id: 9, ip_address: "10.40.0.9", hostname: "bad_name", status: "active" }, { id: 10, ip_address: "10.40.0.10" }]);
    const e = await failure(importText(admin, "flask-ipam", bad));
    expect(e.details.rows).toEqual([{ row: 9, field: "hostname", message: expect.any(String), table: "hosts" }]);
    expect(await getDb().network.count()).toBe(0);
    expect(await importText(admin, "flask-ipam", bad, { onConflict: "skip" })).toMatchObject({ created: 2, skipped: 1, errors: [{ row: 9, table: "hosts" }] });
  });

  it("its database's networks as it read them (Python's strict=False): 192.168.1.1 / 24 is 192.168.1.0/24", async () => {
    const db = flaskDatabase(
      [{ id: 1, network: "192.168.1.1", cidr: 24, broadcast_address: "192.168.1.255" }, { id: 2, network: "2001:db8:5::1", cidr: 64 }],
      [{ id: 1, ip_address: "192.168.1.5", hostname: "a", status: "active", network_id: 1 }],
    );
    expect(await importText(admin, "flask-ipam", db)).toEqual({ created: 3, updated: 0, skipped: 0, errors: [] });
    const v4 = await getDb().network.findFirstOrThrow({ where: { family: 4 } });
    expect(v4).toMatchObject({ network: "192.168.1.0", cidr: 24 });
    expect(await getDb().network.findFirstOrThrow({ where: { family: 6 } })).toMatchObject({ network: "2001:db8:5::", cidr: 64 });
    expect((await host("192.168.1.5"))?.networkId).toBe(v4.id);
    const bad = flaskDatabase([{ id: 4, network: "192.168.1.300", cidr: 24 }], []);
    expect((await failure(importText(admin, "flask-ipam", bad))).details.rows).toEqual([{ row: 4, field: "network", message: expect.any(String), table: "networks" }]);
  });

  it("reads a database left in WAL mode, and refuses files that are not its database", async () => {
    const wal = flaskDatabase([{ id: 1, network: "10.50.0.0", cidr: 24 }], [], { wal: true });
    expect(await importText(admin, "flask-ipam", wal)).toMatchObject({ created: 1 });
    expect(await failure(importText(admin, "flask-ipam", "ip_address\n10.0.0.1\n"))).toMatchObject({ code: "bad_request" });
  });
});

describe("reading files", () => {
  it("CSV: a header problem is reported once, on line 1", async () => {
    const e = await failure(importText(admin, "csv", csv("ip_address,hostname,colour", "10.0.0.1,a,red")));
    expect(e.details.rows).toEqual([{ row: 1, field: "colour", message: expect.stringMatching(/^Unknown column/) }]);
    expect((await failure(importText(admin, "csv", csv("name,location", "x,y")))).details.rows[0]).toMatchObject({ row: 1 });
    expect((await failure(importText(admin, "csv", ""))).details.rows[0]).toMatchObject({ row: 1 });
  });

  it("CSV: a record with the wrong number of cells or broken quoting is a row error", async () => {
    const e = await failure(importText(admin, "csv", csv("ip_address,hostname", "10.0.0.1,a,extra", "10.0.0.2,b", '10.0.0.3,"open')));
    expect(e.details.rows).toEqual([
      { row: 2, field: "_", message: "Has 3 cells; the header has 2" },
      { row: 4, field: "_", message: "Quoted field unterminated" },
    ]);
  });

  it("JSON: rows are 1-based array indexes; malformed JSON is a 400", async () => {
    const e = await failure(importText(admin, "json", JSON.stringify([{ ip_address: "10.0.0.1" }, "nope", { ip_address: "10.0.0.x" }])));
    expect(e.details.rows.map((r: { row: number; field: string }) => [r.row, r.field])).toEqual([[2, "_"], [3, "ip_address"]]);
    expect(await failure(importText(admin, "json", "[{"))).toMatchObject({ code: "bad_request" });
  });
});
