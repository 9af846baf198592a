import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { planZones } from "@/plugins/bind/plan-zones";
import { askNamed, writeZoneFiles, type LiveQuery } from "@/plugins/bind/testing/bind-tools";
import { zoneHosts, zoneNetworks, zoneSettings } from "@/plugins/bind/testing/fixture";
import { memorySource } from "@/plugins/dnsmasq/testing/fixture";

// A real named, authoritative only, loads the exported zones on 127.0.0.1
// and a high port; dig asks it for A, AAAA, CNAME and PTR (RFC 2317 blocks
// and a nested ip6.arpa zone included) and for names that must not exist.

const dir = mkdtempSync(path.join(os.tmpdir(), "ipam-named-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const highPort = () => 30_000 + Math.floor(Math.random() * 30_000);

const queries: LiveQuery[] = [
  { name: "web.lab.example", type: "A" },
  { name: "www.lab.example", type: "A" },
  { name: "www.other.example", type: "CNAME" },
  { name: "pool.lab.example", type: "A" },
  { name: "build.dev.lab.example", type: "A" },
  { name: "db6.v6.example", type: "AAAA" },
  { name: "db6-alias.v6.example", type: "AAAA" },
  { name: "leaf6.v6.example", type: "AAAA" },
  { name: "10.10.0.10", type: "PTR-ADDR" },
  { name: "2001:db8:10::10", type: "PTR-ADDR" },
  { name: "2001:db8:20::5", type: "PTR-ADDR" },
  { name: "2001:db8:20:1::7", type: "PTR-ADDR" },
  { name: "192.0.2.70", type: "PTR-ADDR" },
  { name: "70.64/26.2.0.192.in-addr.arpa", type: "PTR" },
  { name: "old.lab.example", type: "A" },
  { name: "leased.lab.example", type: "A" },
  { name: "dev.lab.example", type: "CNAME" },
];

describe("a live named serves the exported zones", () => {
  it("answers A, AAAA, CNAME and PTR for the published names, NXDOMAIN for the rest", async () => {
    const zones = await planZones(memorySource(zoneNetworks, zoneHosts), zoneSettings);
    try {
      await writeZoneFiles(dir, zones, zoneSettings);
    } finally {
      zones.spool.close();
    }
    const answers = askNamed(dir, highPort(), "lab.example", queries);
    const answer = (name: string, type: LiveQuery["type"]) => answers.get(`${name} ${type}`);
    expect(answer("web.lab.example", "A")).toEqual({ status: "NOERROR", records: [{ name: "web.lab.example", type: "A", data: "10.10.0.10" }] });
    expect(answer("www.lab.example", "A")).toEqual({
      status: "NOERROR",
      records: [{ name: "www.lab.example", type: "CNAME", data: "web.lab.example" }, { name: "web.lab.example", type: "A", data: "10.10.0.10" }],
    });
    expect(answer("www.other.example", "CNAME")?.records).toEqual([{ name: "www.other.example", type: "CNAME", data: "web.lab.example" }]);
    expect(answer("pool.lab.example", "A")?.records.map((r) => r.data).sort()).toEqual(["10.10.0.20", "10.10.0.21", "10.10.0.22"]);
    expect(answer("build.dev.lab.example", "A")?.records).toEqual([{ name: "build.dev.lab.example", type: "A", data: "10.10.1.5" }]);
    expect(answer("db6.v6.example", "AAAA")?.records).toEqual([{ name: "db6.v6.example", type: "AAAA", data: "2001:db8:10::10" }]);
    expect(answer("db6-alias.v6.example", "AAAA")?.records).toEqual([
      { name: "db6-alias.v6.example", type: "CNAME", data: "db6.v6.example" }, { name: "db6.v6.example", type: "AAAA", data: "2001:db8:10::10" },
    ]);
    expect(answer("leaf6.v6.example", "AAAA")?.records).toEqual([{ name: "leaf6.v6.example", type: "AAAA", data: "2001:db8:20:1::7" }]);
    const ptr = (ip: string) => answer(ip, "PTR-ADDR")?.records.map((r) => `${r.type} ${r.data}`);
    expect(ptr("10.10.0.10")).toEqual(["PTR web.lab.example"]);
    expect(ptr("2001:db8:10::10")).toEqual(["PTR db6.v6.example"]);
    expect(ptr("2001:db8:20::5")).toEqual(["PTR big6.v6.example"]);
    expect(ptr("2001:db8:20:1::7")).toEqual(["PTR leaf6.v6.example"]);
    // RFC 2317: the /24 answers with the CNAME into the block's zone, which holds the PTR.
    expect(ptr("192.0.2.70")?.[0]).toBe("CNAME 70.64/26.2.0.192.in-addr.arpa");
    expect(answer("70.64/26.2.0.192.in-addr.arpa", "PTR")?.records).toEqual([{ name: "70.64/26.2.0.192.in-addr.arpa", type: "PTR", data: "tiny.small.example" }]);
    for (const name of ["old.lab.example", "leased.lab.example"]) expect(answer(name, "A"), name).toEqual({ status: "NXDOMAIN", records: [] });
    // The apex alias was left out: the apex answers its SOA, no CNAME.
    expect(answer("dev.lab.example", "CNAME")).toEqual({ status: "NOERROR", records: [] });
  });
});
