import { flaskDatabase } from "@/plugins/testing/flask-db";

// An ipam.db as the original Flask app leaves it after a few years of use:
// every kind of value its forms accepted and this app's rules now refuse or
// normalize. Built from code (flaskDatabase) rather than committed as a
// binary, so each value is readable here and the expected import next to it.

type Row = Record<string, string | number | null>;

export const originalNetworks: Row[] = [
  // Stored as typed, read with strict=False: host bits set.
  { id: 1, network: "192.168.10.1", cidr: 24, name: "Office_LAN", domain: "office.example", description: "Main office\r\nsecond floor", location: "HQ" },
  { id: 2, network: "10.20.0.0", cidr: 16, name: "DATACENTER", domain: "DC.Example.COM", vlan_id: 20 },
  { id: 3, network: "10.20.5.7", cidr: 24, name: "db_net", description: "databases\n\nno domain" },
  { id: 4, network: "2001:db8:0:1::", cidr: 64, name: "v6 lab", domain: "v6.example" },
];

export const originalHosts: Row[] = [
  // DNS cannot carry these names: dash-, dot- and colon-form MACs with them.
  { id: 1, ip_address: "192.168.10.10", hostname: "db_01", mac_address: "AA-BB-CC-00-00-01", status: "active", network_id: 1, description: "primary db" },
  { id: 2, ip_address: "192.168.10.11", hostname: "WEB-01", mac_address: "aabb.cc00.0002", status: null, network_id: 1, description: "line one\r\nline two\r\n\tindented" },
  { id: 3, ip_address: "192.168.10.12", hostname: "café", mac_address: "aa:bb:cc:00:00:03", status: "reserved", network_id: 3 },
  { id: 4, ip_address: "192.168.10.13", hostname: "web server", status: "inactive", network_id: 1, description: "old\nbox" },
  // The same name in another domain is another name; in the same domain a duplicate (after lower-casing).
  { id: 5, ip_address: "10.20.5.20", hostname: "web-01", mac_address: "AABBCC000005", status: "active", network_id: 3 },
  { id: 6, ip_address: "192.168.10.14", hostname: "Web-01", status: "active", network_id: 1, description: "the second web-01" },
  // No network at all, and a network_id that points at a network not containing the host.
  { id: 7, ip_address: "10.99.0.5", hostname: "orphan", mac_address: "aa-bb-cc-00-00-07", status: "active", network_id: null },
  { id: 8, ip_address: "10.99.0.6", hostname: "orphan", status: null, network_id: 2 },
  { id: 9, ip_address: "2001:db8:0:1::10", hostname: "V6_Host", mac_address: "aa:bb:cc:00:00:09", status: "active", network_id: 4 },
  { id: 10, ip_address: "10.20.1.1", hostname: "GW", cname: "gateway,gw_alias", status: "active", network_id: 2, last_seen: "2024-05-01 10:00:00.123456", discovery_source: "nmap" },
  { id: 11, ip_address: "10.20.5.21", hostname: "DB_02", mac_address: "AA-BB-CC-00-00-0B", status: "active", network_id: 2 },
  { id: 12, ip_address: "10.20.5.22", hostname: null, status: null, network_id: null, description: "no name,\r\njust notes" },
];

/** The original app's ipam.db holding the rows above. */
export function originalAppDatabase(): Buffer {
  return flaskDatabase(originalNetworks, originalHosts);
}
