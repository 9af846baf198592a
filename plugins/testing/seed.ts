import { createHost } from "@/lib/services/hosts/create-host";
import { hostSchema } from "@/lib/schemas/host";
import { createNetwork } from "@/lib/services/networks/create-network";
import { networkSchema } from "@/lib/schemas/network";
import { admin } from "@/plugins/testing/actors";

// A small network written through the services, with the values that break
// naive exporters: commas, quotes, formulas, unicode, nested prefixes, IPv6.

export async function seedSample(): Promise<void> {
  await createNetwork(admin, networkSchema.parse({ network: "10.1.0.0/16", name: "campus", location: "HQ, building \"A\"", vlan_id: 100 }));
  await createNetwork(admin, networkSchema.parse({
    network: "10.1.2.0/24", name: "lab", domain: "lab.example", vlan_id: 12, description: "=HYPERLINK(\"http://evil\")",
    location: "HQ", gateway: "10.1.2.1", dhcp_start: "10.1.2.100", dhcp_end: "10.1.2.199",
  }));
  await createNetwork(admin, networkSchema.parse({ network: "2001:db8:1::/64", name: "v6", domain: "v6.example", description: "Ünïcødé, «quotes»" }));
  await createHost(admin, hostSchema.parse({ ip_address: "10.1.2.10", hostname: "web", cname: "www,intranet", mac_address: "52:54:00:aa:00:01", description: "+1 web, \"front\"" }));
  await createHost(admin, hostSchema.parse({ ip_address: "10.1.2.11", hostname: "db", status: "reserved", description: "-rf @home", last_seen: "2026-01-02T03:04:05.000Z", discovery_source: "nmap" }));
  await createHost(admin, hostSchema.parse({ ip_address: "10.1.2.12", hostname: "old", status: "inactive", mac_address: "52:54:00:aa:00:02" }));
  await createHost(admin, hostSchema.parse({ ip_address: "10.1.9.9", description: "'quoted' @start" }));
  await createHost(admin, hostSchema.parse({ ip_address: "2001:db8:1::10", hostname: "db6", mac_address: "52:54:00:aa:00:01", cname: "db6-alias" }));
  await createHost(admin, hostSchema.parse({ ip_address: "192.168.50.5", hostname: "stray" }));
}
