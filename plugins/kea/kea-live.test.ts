import { describe, expect, it } from "vitest";
import { collect, fixtureHosts, fixtureNetworks, memorySource } from "@/plugins/dnsmasq/testing/fixture";
import { renderKea } from "@/plugins/kea/render-kea";
import { dhcpOffers } from "@/plugins/kea/testing/dhcp-discover";
import { keaBinary, wrapFragment } from "@/plugins/kea/testing/kea-check";

// A real kea-dhcp4 serves the exported fragment (included by a config that
// names the interface) inside `unshare -rmn`, on one end of a veth pair; a
// DISCOVER from the other end with a reserved MAC is offered the host's
// address, its FQDN, the gateway and the domain. .ci/run installs kea and
// nmap: without them (or without user namespaces) this fails, it is not skipped.

describe("a live kea-dhcp4 hands out the exported reservations", () => {
  it("a reserved MAC is offered its host's address and name; an unknown or inactive host's MAC gets a pool address", async () => {
    const fragment = await collect(renderKea(memorySource(fixtureNetworks, fixtureHosts), { family: 4, format: "fragment", dnsServers: ["10.0.0.53"], interfaces: [] }));
    const { offers, log } = dhcpOffers({
      files: { "ipam-subnet4.json": fragment },
      server: `cat > "$DIR/kea.conf" <<EOF
${wrapFragment(4, "$DIR/ipam-subnet4.json", '"interfaces-config": { "interfaces": [ "v0" ] }, ')}EOF
export KEA_PIDFILE_DIR="$DIR" KEA_LOCKFILE_DIR="$DIR"
exec ${keaBinary(4)} -c "$DIR/kea.conf"`,
      ready: "DHCP4_STARTED",
      serverAddress: "10.10.0.1/24",
      // web (reserved), an unknown client, old (inactive: no reservation).
      macs: ["52:54:00:00:00:01", "52:54:00:77:77:77", "52:54:00:00:00:09"],
    });
    expect(offers.get("52:54:00:00:00:01")?.fields, log).toMatchObject({
      "IP Offered": "10.10.0.10", Hostname: "web.lab.example", Router: "10.10.0.1", "Domain Name": "lab.example", "Domain Name Server": "10.0.0.53",
    });
    for (const mac of ["52:54:00:77:77:77", "52:54:00:00:00:09"]) {
      const ip = offers.get(mac)?.ip ?? "";
      expect(ip, `${mac}\n${log}`).toMatch(/^10\.10\.0\.1\d\d$/);
    }
  }, 60_000);
});
