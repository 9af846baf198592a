import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { planZones, type SpooledZones } from "@/plugins/bind/plan-zones";
import { renderZone } from "@/plugins/bind/render-zone";
import { checkConf, checkZone, stamp, writeZoneFiles, zoneLines } from "@/plugins/bind/testing/bind-tools";
import { zoneHosts, zoneNetworks, zoneSettings } from "@/plugins/bind/testing/fixture";
import { ZONE_DIR } from "@/plugins/bind/named-conf";
import { collect, memorySource } from "@/plugins/dnsmasq/testing/fixture";

// The fixture's zones, each passed through BIND's own checkers, and the
// records each rule calls for.

const dir = mkdtempSync(path.join(os.tmpdir(), "ipam-bind-"));
const planned: SpooledZones[] = [];
afterAll(() => {
  for (const zones of planned) zones.spool.close();
  rmSync(dir, { recursive: true, force: true });
});

const planOf = async (...args: Parameters<typeof planZones>) => {
  const zones = await planZones(...args);
  planned.push(zones);
  return zones;
};
const plan = () => planOf(memorySource(zoneNetworks, zoneHosts), zoneSettings);
/** A zone's record lines (no comments, no directives, no SOA/apex NS). */
const records = async (zones: SpooledZones, name: string) => (await zoneLines(zones, name)).filter((l) => !l.startsWith(";"));
const comments = async (zones: SpooledZones, name: string) => (await zoneLines(zones, name)).filter((l) => l.startsWith(";"));

describe("BIND zone files", () => {
  it("named-checkzone accepts every zone and named-checkconf -z the named.conf fragment with all of them", async () => {
    const zones = await plan();
    const names = await writeZoneFiles(dir, zones, zoneSettings);
    expect(names).toEqual(expect.arrayContaining([
      "lab.example", "dev.lab.example", "other.example", "small.example", "v6.example",
      "0.10.10.in-addr.arpa", "0/26.1.10.10.in-addr.arpa", "1.10.10.in-addr.arpa", "2.0.192.in-addr.arpa", "64/26.2.0.192.in-addr.arpa",
      "16/28.100.51.198.in-addr.arpa", "100.51.198.in-addr.arpa", "0.0.0.0.0.1.0.0.8.b.d.0.1.0.0.2.ip6.arpa",
      "0.2.0.0.8.b.d.0.1.0.0.2.ip6.arpa", "1.0.0.0.0.2.0.0.8.b.d.0.1.0.0.2.ip6.arpa", "0.30.10.in-addr.arpa",
    ]));
    for (const zone of [...zones.forward.values(), ...zones.reverse.values()]) {
      const check = checkZone(zone.name, path.join(dir, ZONE_DIR, zone.file));
      expect(check.ok, `${zone.name}: ${check.output}`).toBe(true);
      expect(check.output).toContain(`loaded serial ${stamp.serial}`);
    }
    const conf = checkConf(dir);
    expect(conf.ok, conf.output).toBe(true);
    expect(conf.output.match(/loaded serial/g)).toHaveLength(names.length);
  });

  it("forward zones: A/AAAA per hostname, CNAME per alias, round-robin names with one A per holder, delegation of a nested zone", async () => {
    const zones = await plan();
    expect(await records(zones, "lab.example")).toEqual([
      "ns1\tIN\tA\t10.10.0.2",
      "web\tIN\tA\t10.10.0.10", "www\tIN\tCNAME\tweb.lab.example.", "intranet\tIN\tCNAME\tweb.lab.example.",
      "db\tIN\tA\t10.10.0.11", "sql\tIN\tCNAME\tdb.lab.example.",
      // Round-robin: the alias of a shared name answers its own host's address, not a CNAME to all of them.
      "pool\tIN\tA\t10.10.0.20", "pool-alias\tIN\tA\t10.10.0.20", "pool\tIN\tA\t10.10.0.21", "pool\tIN\tA\t10.10.0.22",
      "app\tIN\tA\t10.10.0.30",
      "dev\tIN\tNS\tns1.lab.example.", "dev\tIN\tNS\tns2.example.net.",
    ]);
    expect(await records(zones, "dev.lab.example")).toEqual(["build\tIN\tA\t10.10.1.5", "ci\tIN\tCNAME\tbuild.dev.lab.example."]);
    expect(await records(zones, "other.example")).toEqual([
      "www\tIN\tCNAME\tweb.lab.example.", "mail\tIN\tA\t192.0.2.10", "smtp\tIN\tCNAME\tmail.other.example.", "imap\tIN\tCNAME\tmail.other.example.",
    ]);
    expect(await records(zones, "v6.example")).toEqual([
      "db6\tIN\tAAAA\t2001:db8:10::10", "db6-alias\tIN\tCNAME\tdb6.v6.example.", "big6\tIN\tAAAA\t2001:db8:20::5", "leaf6\tIN\tAAAA\t2001:db8:20:1::7",
    ]);
    // Names in no zone (no domain) get no A record and are counted in named.conf.
    expect(zones.outside).toBe(2);
  });

  it("a name holding a CNAME holds nothing else: conflicts are left out with a comment (RFC 1034 §3.6.2)", async () => {
    const zones = await plan();
    expect(await comments(zones, "lab.example")).toEqual([
      "; host 8: alias web.lab.example left out: the name belongs to host 2",
      "; host 8: alias ns1.lab.example left out: the name belongs to host 1",
      "; skipped host 18: inside its network's DHCP pool without a usable MAC address (dnsmasq may lease the address to another client)",
    ]);
    expect(await comments(zones, "dev.lab.example")).toEqual([
      "; host 8: alias dev.lab.example left out: it is a zone apex, which holds SOA and NS records, so it cannot be a CNAME (RFC 1034 §3.6.2)",
    ]);
    for (const zone of zones.forward.values()) {
      const owners = new Map<string, Set<string>>();
      for (const line of await records(zones, zone.name)) {
        const [owner, , type] = line.split("\t");
        owners.set(owner, (owners.get(owner) ?? new Set()).add(type));
      }
      for (const [owner, types] of owners) if (types.has("CNAME")) expect([owner, [...types]]).toEqual([owner, ["CNAME"]]);
      expect(owners.get("@")?.has("CNAME") ?? false).toBe(false);
    }
  });

  it("reverse zones: PTR per /24, RFC 2317 blocks with the /24's CNAMEs and delegation, ip6.arpa on nibble boundaries with a nested zone delegated", async () => {
    const zones = await plan();
    expect(await records(zones, "0.10.10.in-addr.arpa")).toEqual([
      "2\tIN\tPTR\tns1.lab.example.", "10\tIN\tPTR\tweb.lab.example.", "11\tIN\tPTR\tdb.lab.example.",
      "20\tIN\tPTR\tpool.lab.example.", "21\tIN\tPTR\tpool.lab.example.", "22\tIN\tPTR\tpool.lab.example.", "30\tIN\tPTR\tapp.lab.example.",
    ]);
    expect(await records(zones, "64/26.2.0.192.in-addr.arpa")).toEqual(["70\tIN\tPTR\ttiny.small.example."]);
    const parent = await records(zones, "2.0.192.in-addr.arpa");
    expect(parent).toContain("10\tIN\tPTR\tmail.other.example.");
    expect(parent.filter((l) => l.includes("CNAME"))).toHaveLength(64);
    expect(parent).toContain("70\tIN\tCNAME\t70.64/26.2.0.192.in-addr.arpa.");
    expect(parent).toContain("64/26\tIN\tNS\tns1.lab.example.");
    expect(await records(zones, "16/28.100.51.198.in-addr.arpa")).toEqual(["20\tIN\tPTR\tedge.small.example."]);
    expect(await records(zones, "0.2.0.0.8.b.d.0.1.0.0.2.ip6.arpa")).toEqual([
      "5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0\tIN\tPTR\tbig6.v6.example.",
      "1.0.0.0\tIN\tNS\tns1.lab.example.", "1.0.0.0\tIN\tNS\tns2.example.net.",
    ]);
    expect(await records(zones, "1.0.0.0.0.2.0.0.8.b.d.0.1.0.0.2.ip6.arpa")).toEqual(["7.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0\tIN\tPTR\tleaf6.v6.example."]);
    // A dotted name in no zone still gets its PTR; a single-label name does not (it would point into the root).
    expect(await records(zones, "0.30.10.in-addr.arpa")).toEqual(["6\tIN\tPTR\tnas.storage.example."]);
  });

  it("the header counts what the zone holds; the SOA carries the settings and the serial", async () => {
    const zones = await plan();
    const text = await collect(renderZone(zones.forward.get("lab.example")!, zones.spool, zoneSettings, stamp));
    expect(text).toContain("; Records: 8 A, 0 AAAA, 3 CNAME, 2 NS for delegations");
    expect(text).toContain("; Left out: 3 (each noted below)");
    expect(text).toContain(`@\tIN\tSOA\tns1.lab.example. hostmaster.lab.example. ( ${stamp.serial} 3600 900 1209600 300 )`);
    expect(text).toContain("$TTL 3600\n");
  });

  it("a name server below a delegation gets glue in the parent zone, which named-checkzone then accepts", async () => {
    const settings = { ...zoneSettings, ns: ["ns.dev.lab.example", "ns2.example.net"] };
    const hosts = [...zoneHosts, { ...zoneHosts[8], id: 40, ipAddress: "10.10.1.53", hostname: "ns", cname: null }];
    const zones = await planOf(memorySource(zoneNetworks, hosts), settings);
    expect(await records(zones, "lab.example")).toEqual(expect.arrayContaining(["dev\tIN\tNS\tns.dev.lab.example.", "ns.dev\tIN\tA\t10.10.1.53"]));
    const glueDir = mkdtempSync(path.join(os.tmpdir(), "ipam-bind-glue-"));
    try {
      await writeZoneFiles(glueDir, zones, settings);
      const check = checkConf(glueDir);
      expect(check.ok, check.output).toBe(true);
    } finally {
      rmSync(glueDir, { recursive: true, force: true });
    }
  });

  it("an in-zone name server without an address is pointed out in its zone", async () => {
    const zones = await planOf(memorySource(zoneNetworks, zoneHosts.filter((h) => h.hostname !== "ns1")), zoneSettings);
    expect(await comments(zones, "lab.example")).toContain(
      "; name server ns1.lab.example lies in this zone but no host publishes its address: named will refuse the zone until one does",
    );
  });
});
