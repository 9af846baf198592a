import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as item from "@/app/api/v1/export/[name]/route";
import * as list from "@/app/api/v1/export/route";
import * as hostsRoute from "@/app/api/v1/hosts/route";
import { overrideEnv } from "@/lib/env";
import { tokenFor, call } from "@/tests/api/client";
import { useTestDatabase } from "@/tests/db";
import { keaTest } from "@/plugins/kea/testing/kea-check";
import { send } from "@/plugins/testing/http";
import { seedSample } from "@/plugins/testing/seed";

// The Kea, hosts and ethers exporters over GET /api/v1/export/{name}, on a
// database seeded through the services: the list filters and network_id
// choose what is written, the Kea options are validated before the first
// byte (400), and every Kea file passes `kea-dhcp4 -t` / `kea-dhcp6 -t`.

useTestDatabase();
let viewer: string;
let labId: number;
const previousDns = process.env.DHCP_DNS_SERVERS;
beforeAll(async () => {
  overrideEnv({ DHCP_DNS_SERVERS: "10.1.0.53, 2001:db8:1::53" });
  viewer = await tokenFor("viewer");
  await seedSample();
  labId = (await call(hostsRoute.GET, "GET", "/hosts", { token: viewer, query: { q: "10.1.2.10" } })).body.items[0].network_id;
});
afterAll(() => {
  if (previousDns === undefined) delete process.env.DHCP_DNS_SERVERS;
  overrideEnv(previousDns === undefined ? {} : { DHCP_DNS_SERVERS: previousDns });
});

const get = (name: string, query: Record<string, string> = {}, token: string | null = viewer) =>
  send(item.GET, "GET", `/export/${name}`, { token: token ?? undefined, params: { name }, query });
const lines = (text: string) => text.split("\n").filter((l) => l && !l.startsWith("#"));
const subnets = (text: string, family: 4 | 6) => JSON.parse(text.replace(/^\s*\/\/.*$/gm, ""))[`Dhcp${family}`][`subnet${family}`];

describe("GET /api/v1/export", () => {
  it("lists the four exporters", async () => {
    const names = (await send(list.GET, "GET", "/export", { token: viewer })).json.items.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(["kea-dhcp4", "kea-dhcp6", "hosts-file", "ethers"]));
  });
});

describe("GET /api/v1/export/kea-dhcp4|kea-dhcp6", () => {
  it("a whole config by default, accepted by kea-dhcp4 -t, with the lab's pool, options, DNS servers and reservation", async () => {
    // kea -t checks that the interfaces exist: lo does everywhere.
    const res = await get("kea-dhcp4", { interfaces: "lo" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="ipam-kea-dhcp4.conf"');
    expect(keaTest(4, res.text, "config")).toMatchObject({ ok: true });
    const config = JSON.parse(res.text.replace(/^\s*\/\/.*$/gm, ""));
    expect(config.Dhcp4["interfaces-config"]).toEqual({ interfaces: ["lo"] });
    const named = JSON.parse((await get("kea-dhcp4", { interfaces: "eth0, eth1/10.1.2.1" })).text.replace(/^\s*\/\/.*$/gm, ""));
    expect(named.Dhcp4["interfaces-config"]).toEqual({ interfaces: ["eth0", "eth1/10.1.2.1"] });
    expect(config.Dhcp4.subnet4).toEqual([{
      id: labId, subnet: "10.1.2.0/24", pools: [{ pool: "10.1.2.100 - 10.1.2.199" }],
      "option-data": [{ name: "routers", data: "10.1.2.1" }, { name: "domain-name", data: "lab.example" }, { name: "domain-name-servers", data: "10.1.0.53" }],
      reservations: [{ "hw-address": "52:54:00:aa:00:01", "ip-address": "10.1.2.10", hostname: "web.lab.example" }],
    }]);
  });

  it("DHCPv6 fragment: the v6 network's reservation, accepted when included by kea-dhcp6 -t", async () => {
    const res = await get("kea-dhcp6", { format: "fragment" });
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="ipam-subnet6.json"');
    expect(keaTest(6, res.text, "fragment")).toMatchObject({ ok: true });
    const list = JSON.parse(res.text.replace(/^\s*\/\/.*$/gm, ""));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ subnet: "2001:db8:1::/64", reservations: [{ "hw-address": "52:54:00:aa:00:01", "ip-addresses": ["2001:db8:1::10"], hostname: "db6.v6.example" }] });
    expect(list[0]["option-data"]).toEqual([{ name: "domain-search", data: "v6.example" }, { name: "dns-servers", data: "2001:db8:1::53" }]);
  });

  it("filters choose the subnets and reservations: network_id, status, vlan_id", async () => {
    expect(subnets((await get("kea-dhcp4", { network_id: String(labId) })).text, 4).map((s: { id: number }) => s.id)).toEqual([labId]);
    // status=reserved: db has no MAC, so the lab keeps only its pool.
    expect(subnets((await get("kea-dhcp4", { status: "reserved" })).text, 4)[0].reservations).toBeUndefined();
    expect(subnets((await get("kea-dhcp4", { vlan_id: "100" })).text, 4)).toEqual([]);
  });

  it("bad input is a 400 naming the parameter, before anything is written", async () => {
    for (const [query, field] of [
      [{ format: "yaml" }, "format"], [{ format: "fragment", interfaces: "eth0" }, "interfaces"], [{ interfaces: "eth0;rm -rf" }, "interfaces"],
      [{ interfaces: '"},{"x' }, "interfaces"], [{ status: "gone" }, "status"], [{ network_id: "abc" }, "network_id"],
    ] as const) {
      const res = await get("kea-dhcp4", query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.json.error.message).toContain(field);
    }
    expect((await get("kea-dhcp6", {}, null)).status).toBe(401);
  });
});

describe("GET /api/v1/export/hosts-file|ethers", () => {
  it("hosts: one line per address with FQDN, short name and aliases; inactive hosts left out", async () => {
    const res = await get("hosts-file");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="ipam-hosts"');
    expect(lines(res.text)).toEqual([
      "10.1.2.10\tweb.lab.example web www.lab.example www intranet.lab.example intranet",
      "10.1.2.11\tdb.lab.example db",
      "192.168.50.5\tstray",
      "2001:db8:1::10\tdb6.v6.example db6 db6-alias.v6.example db6-alias",
    ]);
    expect(lines((await get("hosts-file", { family: "6" })).text)).toEqual(["2001:db8:1::10\tdb6.v6.example db6 db6-alias.v6.example db6-alias"]);
  });

  it("ethers: MAC IP for the IPv4 hosts with a MAC; per network", async () => {
    const res = await get("ethers", { network_id: String(labId) });
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="ipam-ethers"');
    expect(lines(res.text)).toEqual(["52:54:00:aa:00:01 10.1.2.10"]);
    expect((await get("ethers", { family: "seven" })).status).toBe(400);
  });
});
