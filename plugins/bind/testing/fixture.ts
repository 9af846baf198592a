import type { ZoneSettings } from "@/plugins/bind/types";
import { host, net } from "@/plugins/dnsmasq/testing/fixture";
import type { HostRecord, NetworkRecord } from "@/plugins/dnsmasq/types";

// Realistic data for the zone tests: several domains (one nested in
// another), IPv6 at /64 and /48 (with a /64 inside), networks smaller than
// a /24 (RFC 2317), aliases into other zones, round-robin names, and the
// conflicts a zone must leave out (an alias that is another host's name, an
// alias at a zone apex, an alias equal to a name server's name).

export const zoneSettings: ZoneSettings = { ns: ["ns1.lab.example", "ns2.example.net"], contact: "hostmaster.lab.example", ttl: 3600 };

export const zoneNetworks: NetworkRecord[] = [
  net({ id: 1, network: "10.10.0.0", cidr: 24, domain: "lab.example", gateway: "10.10.0.1", dhcpStart: "10.10.0.100", dhcpEnd: "10.10.0.199" }),
  net({ id: 2, network: "10.10.1.0", cidr: 26, domain: "dev.lab.example" }),
  net({ id: 3, network: "192.0.2.0", cidr: 24, domain: "other.example" }),
  net({ id: 4, network: "192.0.2.64", cidr: 26, domain: "small.example" }),
  net({ id: 5, network: "198.51.100.16", cidr: 28, domain: "small.example" }),
  net({ id: 6, network: "2001:db8:10::", cidr: 64, domain: "v6.example" }),
  net({ id: 7, network: "2001:db8:20::", cidr: 48, domain: "v6.example" }),
  net({ id: 8, network: "2001:db8:20:1::", cidr: 64, domain: "v6.example" }),
  net({ id: 9, network: "10.30.0.0", cidr: 24 }),
];

export const zoneHosts: HostRecord[] = [
  host({ id: 1, ipAddress: "10.10.0.2", hostname: "ns1", networkId: 1 }),
  host({ id: 2, ipAddress: "10.10.0.10", hostname: "web", cname: "www,intranet,www.other.example", macAddress: "52:54:00:00:00:01", networkId: 1 }),
  host({ id: 3, ipAddress: "10.10.0.11", hostname: "db", cname: "sql.lab.example", status: "reserved", networkId: 1 }),
  host({ id: 4, ipAddress: "10.10.0.12", hostname: "old", status: "inactive", networkId: 1 }),
  host({ id: 5, ipAddress: "10.10.0.20", hostname: "pool", cname: "pool-alias", allowDuplicateName: true, networkId: 1 }),
  host({ id: 6, ipAddress: "10.10.0.21", hostname: "pool", allowDuplicateName: true, networkId: 1 }),
  host({ id: 7, ipAddress: "10.10.0.22", hostname: "pool", allowDuplicateName: true, networkId: 1 }),
  // "web" is host 2's name: the alias is left out. "dev.lab.example" is a zone apex: no CNAME there. "ns1" names a name server.
  host({ id: 8, ipAddress: "10.10.0.30", hostname: "app", cname: "web,dev.lab.example,ns1", networkId: 1 }),
  host({ id: 9, ipAddress: "10.10.1.5", hostname: "build", cname: "ci", networkId: 2 }),
  host({ id: 10, ipAddress: "192.0.2.10", hostname: "mail", cname: "smtp,imap", networkId: 3 }),
  host({ id: 11, ipAddress: "192.0.2.70", hostname: "tiny", networkId: 4 }),
  host({ id: 12, ipAddress: "198.51.100.20", hostname: "edge", networkId: 5 }),
  host({ id: 13, ipAddress: "2001:db8:10::10", hostname: "db6", cname: "db6-alias", networkId: 6 }),
  host({ id: 14, ipAddress: "2001:db8:20::5", hostname: "big6", networkId: 7 }),
  host({ id: 15, ipAddress: "2001:db8:20:1::7", hostname: "leaf6", networkId: 8 }),
  host({ id: 16, ipAddress: "10.30.0.5", hostname: "printer", networkId: 9 }),
  host({ id: 17, ipAddress: "10.30.0.6", hostname: "nas.storage.example", networkId: 9 }),
  // Inside the pool without a MAC: the address-space model leaves it out (as dnsmasq's file does).
  host({ id: 18, ipAddress: "10.10.0.150", hostname: "leased", networkId: 1 }),
];
