import { describe, expect, it } from "vitest";
import { collect, fixtureHosts, fixtureNetworks, memorySource } from "@/plugins/dnsmasq/testing/fixture";
import { renderEthers } from "@/plugins/hosts-file/render-ethers";
import { renderHostsFile } from "@/plugins/hosts-file/render-hosts";
import { dhcpOffers } from "@/plugins/kea/testing/dhcp-discover";

// A real dnsmasq reads both exports: the hosts file with --addn-hosts
// (answers dig on 127.0.0.1), the ethers file with --read-ethers. dnsmasq
// reads ethers only from /etc/ethers (man dnsmasq), so the test runs it in
// `unshare -rmn` with the export laid over /etc by an overlay mount that
// exists only in that namespace; a DISCOVER from a veth peer with a host's
// MAC is offered the host's address from the ethers line.

const PORT = 5353;
const queries: Array<[string, "A" | "AAAA" | "PTR"]> = [
  ["web.lab.example", "A"], ["web", "A"], ["www.lab.example", "A"], ["intranet", "A"], ["db", "A"], ["sql.lab.example", "A"],
  ["nas.storage.example", "A"], ["nas", "A"], ["stray", "A"], ["db6.v6.example", "AAAA"], ["db6-alias", "AAAA"], ["big6", "AAAA"],
  ["old.lab.example", "A"], ["gone6", "AAAA"], ["10.10.0.10", "PTR"], ["2001:db8:10::10", "PTR"],
];

describe("a live dnsmasq reads the hosts and ethers exports", () => {
  it("--addn-hosts answers every name of the hosts file; --read-ethers offers each host its address", async () => {
    const source = () => memorySource(fixtureNetworks, fixtureHosts);
    const hosts = await collect(renderHostsFile(source()));
    const ethers = await collect(renderEthers(source()));
    const { offers, client, log } = dhcpOffers({
      files: { hosts },
      etc: { ethers },
      server: `exec dnsmasq --no-daemon --port=${PORT} --listen-address=127.0.0.1 --interface=v0 --bind-interfaces --no-resolv --no-hosts \\
  --pid-file= --user=root --addn-hosts="$DIR/hosts" --read-ethers --dhcp-range=10.10.0.0,static,255.255.255.0 --dhcp-range=10.20.0.0,static,255.255.255.0 \\
  --dhcp-leasefile="$DIR/leases" --log-dhcp`,
      ready: "read /etc/ethers",
      serverAddress: "10.10.0.1/24",
      macs: ["52:54:00:00:00:01", "52:54:00:00:00:09"],
      client: queries.map(([name, type]) => `echo "## ${name} ${type}"; dig @127.0.0.1 -p ${PORT} +short ${type === "PTR" ? `-x ${name}` : `${name} ${type}`}`).join("\n"),
    });
    const answers = new Map(client.split("## ").slice(1).map((s) => {
      const [key, ...lines] = s.trim().split("\n");
      return [key, lines.map((l) => l.replace(/\.$/, "")).filter(Boolean)] as const;
    }));
    const a = (name: string, type: string) => answers.get(`${name} ${type}`);
    expect(a("web.lab.example", "A"), log).toEqual(["10.10.0.10"]);
    for (const name of ["web", "www.lab.example", "intranet"]) expect(a(name, "A"), name).toEqual(["10.10.0.10"]);
    for (const name of ["db", "sql.lab.example"]) expect(a(name, "A"), name).toEqual(["10.10.0.11"]);
    for (const name of ["nas.storage.example", "nas"]) expect(a(name, "A"), name).toEqual(["10.20.0.6"]);
    expect(a("stray", "A")).toEqual(["192.168.99.5"]);
    for (const name of ["db6.v6.example", "db6-alias"]) expect(a(name, "AAAA"), name).toEqual(["2001:db8:10::10"]);
    expect(a("big6", "AAAA")).toEqual(["2001:db8:30::5"]);
    // Inactive hosts are not in the file.
    expect(a("old.lab.example", "A")).toEqual([]);
    expect(a("gone6", "AAAA")).toEqual([]);
    // The first name on a line is what the address resolves back to.
    expect(a("10.10.0.10", "PTR")).toEqual(["web.lab.example"]);
    expect(a("2001:db8:10::10", "PTR")).toEqual(["db6.v6.example"]);

    // ethers: web's MAC gets web's address; old (inactive) has no line, so no static lease.
    expect(log).toMatch(/read \/etc\/ethers - 3 addresses/);
    expect(offers.get("52:54:00:00:00:01")?.ip, log).toBe("10.10.0.10");
    expect(offers.get("52:54:00:00:00:09")?.ip ?? null, log).toBeNull();
  }, 60_000);
});
