import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { tokenFor } from "@/tests/api/client";
import { getDb } from "@/lib/db/client";
import { send, streamOf } from "@/plugins/testing/http";
import * as upload from "@/app/api/v1/discovery/[source]/route";
import * as apply from "@/app/api/v1/discovery/apply/route";
import * as scan from "@/app/api/v1/discovery/scan/route";
import * as stale from "@/app/api/v1/discovery/stale/route";
import * as networks from "@/app/api/v1/networks/route";

// The discovery API end to end: a bad file is a 4xx naming the line and
// changes nothing; a good one gives a change set that applies; a live scan
// of 127.0.0.0/29 sees loopback.

useTestDatabase();
const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name));
let editor: string;
let viewer: string;

beforeAll(async () => {
  editor = await tokenFor("editor");
  viewer = await tokenFor("viewer");
});

const post = (source: string, body: BodyInit, query: Record<string, string> = {}) =>
  send(upload.POST, "POST", `/discovery/${source}`, { token: editor, params: { source }, query, body, headers: { "content-type": "text/plain" } });

async function network(prefix: string, domain?: string): Promise<number> {
  const res = await send(networks.POST, "POST", "/networks", { token: editor, body: JSON.stringify({ network: prefix, domain }), headers: { "content-type": "application/json" } });
  expect(res.status, res.text).toBe(201);
  return res.json.id;
}

describe("bad files: a 4xx naming the line, nothing written", () => {
  it.each([
    ["dnsmasq", "a lease with a bad MAC", "1796220354 52:54:00:aa:bb:01 192.0.2.1 a *\n1796220354 52:54:00:aa:bb:zz 192.0.2.2 b *\n", 2, /not a hardware \(MAC\) address/],
    ["kea", "a lease with a bad MAC", "address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,user_context\n192.0.2.1,xx,,7200,1,1,0,0,a,0,\n", 2, /not a hardware/],
    ["nmap", "malformed XML", '<?xml version="1.0"?>\n<nmaprun>\n<host>\n</nmaprun>\n', 4, /malformed XML/],
    ["nmap", "an entity bomb", `<?xml version="1.0"?>\n<!DOCTYPE nmaprun [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<nmaprun>&b;</nmaprun>`, 2, /DTD with declarations/],
  ])("%s: %s", async (source, _, body, line, message) => {
    const before = await getDb().host.count();
    const res = await post(source, body);
    expect(res.status).toBe(422);
    expect(res.json.error.message).toMatch(message);
    expect(res.json.error.message).toMatch(new RegExp(`^Line ${line}:`));
    expect(res.json.error.details.line).toBe(line);
    expect(await getDb().host.count()).toBe(before);
  });

  it("an oversized upload is refused while it streams in (413)", async () => {
    const res = await send(upload.POST, "POST", "/discovery/nmap", { token: editor, params: { source: "nmap" }, body: streamOf(33 * 1024 * 1024), headers: { "content-type": "text/plain" } });
    expect(res.status).toBe(413);
  });

  it("a viewer cannot upload, an unknown source is a 404", async () => {
    const asViewer = await send(upload.POST, "POST", "/discovery/dnsmasq", { token: viewer, params: { source: "dnsmasq" }, body: "x", headers: { "content-type": "text/plain" } });
    expect(asViewer.status).toBe(403);
    expect((await post("arp", "x")).status).toBe(404);
  });
});

describe("a lease file's change set, applied", () => {
  it("reads the real Kea file, limits it to a network, applies the chosen rows", async () => {
    const id = await network("192.0.2.0/24", "example.org");
    const set = await post("kea", fixture("kea-leases4.csv"), { network_id: String(id) });
    expect(set.status, set.text).toBe(200);
    expect(set.json.rows.map((r: { ip_address: string; hostname: string | null }) => [r.ip_address, r.hostname])).toEqual([
      ["192.0.2.101", "printer-lobby"], ["192.0.2.102", null], ["192.0.2.103", null],
    ]);
    expect(set.json.rows[1].problems[0]).toMatch(/^Hostname "laptop,with,commas" refused/);
    const chosen = set.json.rows.slice(0, 2);
    const res = await send(apply.POST, "POST", "/discovery/apply", {
      token: editor, headers: { "content-type": "application/json" },
      body: JSON.stringify({ source: set.json.source, observed_at: set.json.observed_at, rows: chosen }),
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({ created: 2, updated: 0, seen: 0 });
    const hosts = await getDb().host.findMany({ where: { networkId: id }, orderBy: { ipKey: "asc" } });
    expect(hosts.map((h) => [h.ipAddress, h.hostname, h.macAddress, h.discoverySource])).toEqual([
      ["192.0.2.101", "printer-lobby", "52:54:00:aa:bb:01", "kea-leases"], ["192.0.2.102", null, "52:54:00:aa:bb:02", "kea-leases"],
    ]);
    const listed = await send(stale.GET, "GET", "/discovery/stale", { token: viewer, query: { days: "1" } });
    expect(listed.status).toBe(200);
  });
});

describe("live scan", () => {
  it("scans 127.0.0.0/29 and lists 127.0.0.1–127.0.0.7 as new; a network over a /16 is refused", async () => {
    const id = await network("127.0.0.0/29");
    const res = await send(scan.POST, "POST", "/discovery/scan", { token: editor, body: JSON.stringify({ network_id: id }), headers: { "content-type": "application/json" } });
    expect(res.status, res.text).toBe(200);
    const seen = res.json.rows.map((r: { ip_address: string }) => r.ip_address);
    for (let i = 1; i <= 7; i++) expect(seen).toContain(`127.0.0.${i}`);
    expect(res.json.source).toBe("scan");
    const big = await network("10.0.0.0/15");
    const refused = await send(scan.POST, "POST", "/discovery/scan", { token: editor, body: JSON.stringify({ network_id: big }), headers: { "content-type": "application/json" } });
    expect(refused.status).toBe(422);
    expect(refused.json.error.message).toMatch(/too large/);
  });
});
