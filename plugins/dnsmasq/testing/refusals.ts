import { host, net } from "@/plugins/dnsmasq/testing/fixture";

// Rows that could only exist from before validation (or hand edits to the
// database): each must be left out with a comment that does not quote it.

export const refusalNetworks = [
  net({ id: 1, network: "10.40.0.0", cidr: 24, domain: "ok.example", gateway: "10.50.0.1", dhcpStart: "10.40.0.200", dhcpEnd: "10.40.0.100" }),
  net({ id: 2, network: "10.41.0.0", cidr: 24, domain: "bad domain\naddress=/evil.example/6.6.6.6" }),
  net({ id: 3, network: "10.42.0.1", cidr: 24 }),
];

export const refusalHosts = [
  host({ id: 1, ipAddress: "10.40.0.10", hostname: "dashed", macAddress: "52-54-00-00-00-01", networkId: 1 }),
  host({ id: 2, ipAddress: "10.40.0.300", hostname: "badip", networkId: 1 }),
  host({ id: 3, ipAddress: "010.40.0.11", hostname: "leadingzero", networkId: 1 }),
  host({ id: 4, ipAddress: "2001:DB8::1", hostname: "upper6" }),
  host({ id: 5, ipAddress: "10.40.0.12", hostname: "12345", macAddress: "52:54:00:00:00:05", networkId: 1 }),
  host({ id: 6, ipAddress: "10.40.0.13", hostname: "12h", networkId: 1 }),
  host({ id: 7, ipAddress: "10.40.0.14", hostname: "self", cname: "self", networkId: 1 }),
  host({ id: 8, ipAddress: "10.40.0.15", hostname: "other", cname: "self,fine", networkId: 1 }),
  host({ id: 9, ipAddress: "10.40.0.16", hostname: "twin-a", macAddress: "52:54:00:00:00:07", networkId: 1 }),
  host({ id: 10, ipAddress: "10.40.0.17", hostname: "twin-b", macAddress: "52:54:00:00:00:07", networkId: 1 }),
  host({ id: 11, ipAddress: "10.40.0.18", hostname: "web\naddress=/evil.example/6.6.6.6", networkId: 1 }),
  host({ id: 12, ipAddress: "10.40.0.19", hostname: "UPPER", networkId: 1 }),
  host({ id: 13, ipAddress: "10.40.0.20", hostname: "alias-bad", cname: "ok,evil#x,dup", networkId: 1 }),
  host({ id: 14, ipAddress: "10.40.0.21", hostname: "alias-dup", cname: "dup", networkId: 1 }),
  host({ id: 15, ipAddress: "10.41.0.5", hostname: "in-bad-domain", macAddress: "52:54:00:00:00:0f", networkId: 2 }),
  host({ id: 16, ipAddress: "10.40.0.22", hostname: "sneaky", macAddress: "52:54:00:00:00:10,set:x", networkId: 1 }),
  host({ id: 17, ipAddress: "10.40.0.23", hostname: "123.numeric-first", macAddress: "52:54:00:00:00:11", networkId: 1 }),
];
