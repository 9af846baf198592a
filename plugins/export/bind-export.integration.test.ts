import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import tar from "tar-stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as item from "@/app/api/v1/export/[name]/route";
import { hostSchema } from "@/lib/schemas/host";
import { networkSchema } from "@/lib/schemas/network";
import { createHost } from "@/lib/services/hosts/create-host";
import { createNetwork } from "@/lib/services/networks/create-network";
import { loadEnv } from "@/lib/env";
import { checkConf, checkZone } from "@/plugins/bind/testing/bind-tools";
import { twoPassArchive, twoPassZones } from "@/plugins/bind/testing/two-pass-zones";
import { zoneSerial } from "@/plugins/export/bind-serial";
import { dnsmasqSource } from "@/plugins/export/dnsmasq-download";
import { admin } from "@/plugins/testing/actors";
import { send } from "@/plugins/testing/http";
import { tokenFor } from "@/tests/api/client";
import { useTestDatabase } from "@/tests/db";

// The bind exporter on a database written through the services: the
// route's answers (one zone, the .tar.gz), the files BIND's checkers load,
// the serial from the change log, and the 4xx for bad parameters.

useTestDatabase();
let viewer: string;
const dir = mkdtempSync(path.join(os.tmpdir(), "ipam-bind-db-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  viewer = await tokenFor("viewer");
  await createNetwork(admin, networkSchema.parse({ network: "10.5.0.0/24", domain: "zone.example" }));
  await createNetwork(admin, networkSchema.parse({ network: "10.5.1.0/27", domain: "zone.example" }));
  await createNetwork(admin, networkSchema.parse({ network: "2001:db8:5::/64", domain: "zone.example" }));
  await createHost(admin, hostSchema.parse({ ip_address: "10.5.0.10", hostname: "web", cname: "www" }));
  for (const ip of ["10.5.0.20", "10.5.0.21"]) await createHost(admin, hostSchema.parse({ ip_address: ip, hostname: "rr", allow_duplicate_name: true }));
  await createHost(admin, hostSchema.parse({ ip_address: "10.5.1.5", hostname: "small" }));
  await createHost(admin, hostSchema.parse({ ip_address: "2001:db8:5::5", hostname: "six" }));
});

const get = (query: Record<string, string>) => send(item.GET, "GET", "/export/bind", { token: viewer, params: { name: "bind" }, query });

async function getBytes(query: Record<string, string> = {}): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const url = new URL("http://localhost/api/v1/export/bind");
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const res = await item.GET(new Request(url, { headers: { authorization: `Bearer ${viewer}` } }), { params: Promise.resolve({ name: "bind" }) });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function untar(gz: Buffer): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const extract = tar.extract();
  const done = new Promise<void>((resolve, reject) => {
    extract.on("entry", (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on("data", (c: unknown) => chunks.push(c as Buffer));
      stream.on("end", () => { files.set(header.name, Buffer.concat(chunks).toString("utf8")); next(); });
    });
    extract.on("finish", resolve);
    extract.on("error", reject);
  });
  extract.end(gunzipSync(gz));
  await done;
  return files;
}

const serialOf = (zone: string) => Number(/SOA\t\S+ \S+ \( (\d+) /.exec(zone)![1]);

describe("GET /api/v1/export/bind", () => {
  it("all zones: a .tar.gz with the named.conf fragment that named-checkconf -z loads", async () => {
    const res = await getBytes();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/gzip");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="ipam-zones.tar.gz"');
    const files = await untar(res.bytes);
    expect([...files.keys()]).toEqual([
      "ipam/named.conf", "ipam/zone.example.zone", "ipam/0.5.10.in-addr.arpa.zone", "ipam/0-27.1.5.10.in-addr.arpa.zone",
      "ipam/0.0.0.0.5.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.zone", "ipam/1.5.10.in-addr.arpa.zone",
    ]);
    for (const [name, content] of files) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), content);
    }
    const check = checkConf(dir);
    expect(check.ok, check.output).toBe(true);
    expect(files.get("ipam/zone.example.zone")).toContain("rr\tIN\tA\t10.5.0.21");
  });

  it("the archive is, byte for byte, what the planner that held every host writes from the same rows", async () => {
    const files = await untar((await getBytes()).bytes);
    const generatedAt = new Date(/^\/\/ Generated: (\S+)$/m.exec(files.get("ipam/named.conf")!)![1]);
    const { serial, changedAt } = await zoneSerial();
    const env = loadEnv();
    const settings = { ns: env.DNS_ZONE_NS, contact: env.DNS_ZONE_CONTACT, ttl: env.DNS_ZONE_TTL };
    const oracle = twoPassArchive(await twoPassZones(await dnsmasqSource(new URLSearchParams()), settings), settings, { serial, changedAt, generatedAt });
    expect([...files]).toEqual(oracle);
  });

  it("?domain= and ?reverse= give one zone file, which named-checkzone accepts", async () => {
    const forward = await get({ domain: "Zone.Example." });
    expect(forward.status).toBe(200);
    expect(forward.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(forward.headers.get("content-disposition")).toBe('attachment; filename="zone.example.zone"');
    expect(forward.text).toContain("www\tIN\tCNAME\tweb.zone.example.");
    for (const [query, zone, ptr] of [
      [{ reverse: "10.5.0.0/24" }, "0.5.10.in-addr.arpa", "10\tIN\tPTR\tweb.zone.example."],
      [{ reverse: "10.5.1.0/27" }, "0/27.1.5.10.in-addr.arpa", "5\tIN\tPTR\tsmall.zone.example."],
      [{ reverse: "2001:db8:5::/64" }, "0.0.0.0.5.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa", "5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0\tIN\tPTR\tsix.zone.example."],
    ] as const) {
      const res = await get(query);
      expect(res.status, zone).toBe(200);
      expect(res.text).toContain(ptr);
      const file = path.join(dir, "one.zone");
      writeFileSync(file, res.text);
      const check = checkZone(zone, file);
      expect(check.ok, check.output).toBe(true);
    }
  });

  it("bad input is a 4xx naming the problem", async () => {
    const cases: Array<[Record<string, string>, number, RegExp]> = [
      [{ domain: "nope.example" }, 404, /No forward zone nope\.example/],
      [{ domain: "web.zone.example" }, 404, /lies in zone zone\.example/],
      [{ domain: "bad name!" }, 400, /domain/],
      [{ reverse: "10.9.9.0/24" }, 404, /No reverse zone 9\.9\.10\.in-addr\.arpa/],
      [{ reverse: "10.5.0.0/16" }, 400, /\/24/],
      [{ reverse: "10.5.0.1/24" }, 400, /host bits set; did you mean 10\.5\.0\.0\/24/],
      [{ reverse: "2001:db8:5::/62" }, 400, /nibble/],
      [{ reverse: "not-a-prefix" }, 400, /reverse/],
      [{ domain: "zone.example", reverse: "10.5.0.0/24" }, 400, /not both/],
      [{ status: "bogus" }, 400, /status/],
    ];
    for (const [query, status, message] of cases) {
      const res = await get(query);
      expect(res.status, JSON.stringify(query)).toBe(status);
      expect(res.json.error.message, JSON.stringify(query)).toMatch(message);
    }
  });

  it("the serial is the last change's time in seconds and grows with every change", async () => {
    const before = serialOf((await get({ domain: "zone.example" })).text);
    expect(before).toBeGreaterThan(1_700_000_000);
    expect(before * 1000).toBeLessThanOrEqual(Date.now());
    await createHost(admin, hostSchema.parse({ ip_address: "10.5.0.30", hostname: "late" }));
    const after = (await get({ domain: "zone.example" })).text;
    expect(after).toContain("late\tIN\tA\t10.5.0.30");
    expect(serialOf(after)).toBeGreaterThan(before);
  });
});
