import { beforeAll, describe, expect, it } from "vitest";
import * as list from "@/app/api/v1/export/route";
import * as item from "@/app/api/v1/export/[name]/route";
import * as web from "@/app/export/hosts/[name]/route";
import * as hostsRoute from "@/app/api/v1/hosts/route";
import { createHost } from "@/lib/services/hosts/create-host";
import { createNetwork } from "@/lib/services/networks/create-network";
import { networkSchema } from "@/lib/schemas/network";
import { call, tokenFor } from "@/tests/api/client";
import { useTestDatabase } from "@/tests/db";
import { admin } from "@/plugins/testing/actors";
import { send } from "@/plugins/testing/http";
import { seedSample } from "@/plugins/testing/seed";
import { exporterNames } from "@/plugins/define-plugin";

useTestDatabase();
let viewer: string;
let labId: number;
beforeAll(async () => {
  viewer = await tokenFor("viewer");
  await seedSample();
  labId = (await call(hostsRoute.GET, "GET", "/hosts", { token: viewer, query: { q: "10.1.2.10" } })).body.items[0].network_id;
});

const get = (name: string, query: Record<string, string> = {}, token: string | null = viewer) =>
  send(item.GET, "GET", `/export/${name}`, { token: token ?? undefined, params: { name }, query });
const csvRows = (text: string) => text.trimEnd().split("\r\n");

describe("GET /api/v1/export", () => {
  it("lists the exporters with name, kind, formats and description", async () => {
    const res = await send(list.GET, "GET", "/export", { token: viewer });
    // Every registered exporter, in the registry's order (the first five are the original ones).
    expect(res.json.items.map((p: { name: string }) => p.name)).toEqual([...exporterNames]);
    expect(exporterNames.slice(0, 5)).toEqual(["csv", "json", "dnsmasq", "dnsmasq-dns", "dnsmasq-dhcp"]);
    expect(res.json.items[2]).toEqual({ name: "dnsmasq", kind: "export", description: expect.any(String), formats: [{ media_type: "text/plain", extension: "conf" }] });
  });
});

describe("GET /api/v1/export/{name}", () => {
  it("csv: a download with the documented columns, for hosts and networks", async () => {
    const hosts = await get("csv", { type: "hosts" });
    expect(hosts.status).toBe(200);
    expect(hosts.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(hosts.headers.get("content-disposition")).toBe('attachment; filename="ipam-hosts.csv"');
    expect(csvRows(hosts.text)[0]).toBe("ip_address,hostname,cname,mac_address,description,status,network,last_seen,discovery_source,allow_duplicate_name");
    expect(csvRows(hosts.text)[1]).toBe('10.1.2.10,web,"www,intranet",52:54:00:aa:00:01,"\'+1 web, ""front""",active,10.1.2.0/24,,,false');
    const networks = await get("csv", { type: "networks" });
    expect(networks.headers.get("content-disposition")).toBe('attachment; filename="ipam-networks.csv"');
    expect(csvRows(networks.text)[0]).toBe("network,cidr,broadcast_address,name,domain,vlan_id,description,location,gateway,dhcp_start,dhcp_end,status,utilization_threshold");
    expect(csvRows(networks.text)).toContain("2001:db8:1::,64,,v6,v6.example,,\"Ünïcødé, «quotes»\",,,,,active,");
  });

  it("csv: ?columns= chooses and orders columns; an unknown column is a 400", async () => {
    expect(csvRows((await get("csv", { type: "hosts", columns: "hostname,ip_address", status: "reserved" })).text)).toEqual(["hostname,ip_address", "db,10.1.2.11"]);
    const bad = await get("csv", { columns: "ip_address,password" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/columns/);
  });

  it("takes the list filters: status, network_id, vlan_id, location, family, q", async () => {
    const ips = async (query: Record<string, string>) => csvRows((await get("csv", { columns: "ip_address", ...query })).text).slice(1);
    expect(await ips({ status: "inactive" })).toEqual(["10.1.2.12"]);
    expect(await ips({ network_id: String(labId) })).toEqual(["10.1.2.10", "10.1.2.11", "10.1.2.12"]);
    expect(await ips({ network_id: "null" })).toEqual(["192.168.50.5"]);
    expect(await ips({ vlan_id: "100" })).toEqual(["10.1.9.9"]);
    // location matches a substring, as on the list: "HQ" is in both "HQ" and 'HQ, building "A"'.
    expect(await ips({ location: "HQ" })).toEqual(["10.1.2.10", "10.1.2.11", "10.1.2.12", "10.1.9.9"]);
    expect(await ips({ location: "BUILDING" })).toEqual(["10.1.9.9"]);
    expect(await ips({ family: "6" })).toEqual(["2001:db8:1::10"]);
    expect(await ips({ q: "stray" })).toEqual(["192.168.50.5"]);
    const networks = await get("csv", { type: "networks", columns: "network,cidr", q: "lab" });
    expect(csvRows(networks.text)).toEqual(["network,cidr", "10.1.2.0,24"]);
    expect((await get("csv", { status: "gone" })).status).toBe(400);
    expect((await get("json", { type: "routers" })).status).toBe(400);
  });

  it("json: the API's objects, as the list endpoint returns them", async () => {
    const res = await get("json", { type: "hosts" });
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="ipam-hosts.json"');
    const listed = await call(hostsRoute.GET, "GET", "/hosts", { token: viewer, query: { per_page: 1000 } });
    expect(res.json).toEqual(listed.body.items);
    expect((await get("json", { type: "networks" })).json).toHaveLength(3);
  });

  it("dnsmasq: text/plain, ipam-dnsmasq.conf; ?network_id narrows it to one network (the network page's button)", async () => {
    const all = await get("dnsmasq");
    expect(all.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(all.headers.get("content-disposition")).toBe('attachment; filename="ipam-dnsmasq.conf"');
    expect(all.text).toContain("host-record=web.lab.example,web,10.1.2.10");
    expect(all.text).toContain("dhcp-host=52:54:00:aa:00:01,[2001:db8:1::10],db6");
    const one = await get("dnsmasq", { network_id: String(labId) });
    expect(one.text).toContain("dhcp-range=set:v4-10-1-2-0-24,10.1.2.100,10.1.2.199,255.255.255.0,12h");
    expect(one.text).not.toMatch(/v6\.example|stray/);
    expect((await get("dnsmasq-dns")).headers.get("content-disposition")).toBe('attachment; filename="ipam-dnsmasq-dns.conf"');
    expect((await get("dnsmasq-dhcp")).text).not.toContain("host-record=");
  });

  it("streams: the body arrives in batches, not one string", async () => {
    await createNetwork(admin, networkSchema.parse({ network: "10.200.0.0/16" }));
    for (let i = 0; i < 4500; i += 500) {
      const { importer } = await import("@/plugins/registry");
      const lines = ["ip_address,hostname", ...Array.from({ length: 500 }, (_, k) => `10.200.${(i + k) >> 8}.${((i + k) & 255) || 1},s${i + k}`)];
      await importer("csv").run({ actor: admin, upload: { filename: null, mediaType: null, bytes: Buffer.from(lines.join("\n")) }, options: { dryRun: false, onConflict: "skip" } });
    }
    const res = await item.GET(new Request("http://localhost/api/v1/export/csv", { headers: { authorization: `Bearer ${viewer}` } }), { params: Promise.resolve({ name: "csv" }) });
    const reader = res.body!.getReader();
    let chunks = 0;
    while (!(await reader.read()).done) chunks++;
    expect(chunks).toBeGreaterThanOrEqual(3);
  });

  it("auth: a viewer may export, no token is 401, an unknown exporter 404", async () => {
    expect((await get("csv", {}, null)).status).toBe(401);
    expect((await get("xml")).status).toBe(404);
  });
});

describe("GET /export/hosts/{dnsmasq,dnsmasq-dns,dnsmasq-dhcp} (the original's web routes)", () => {
  it("sends a browser without a session to the sign-in page, and only knows the three files", async () => {
    const res = await send(web.GET, "GET", "/export/hosts/dnsmasq", { base: "http://localhost", params: { name: "dnsmasq" } });
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("/login?callbackUrl=%2Fexport%2Fhosts%2Fdnsmasq");
    expect((await send(web.GET, "GET", "/export/hosts/csv", { base: "http://localhost", params: { name: "csv" } })).status).toBe(404);
  });
});
