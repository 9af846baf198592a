import { host, net } from "@/plugins/dnsmasq/testing/fixture";

// Rows that break the address-space model (docs/address-space.md), as data
// written before its rules could hold them, next to the shapes the model
// allows (round-robin names, one alias in two domains). Ids are not in
// address order on purpose: "the lowest id keeps a contested name" must not
// depend on the order hosts are read in.

export const legacyNetworks = [
  // A pool that a later child network covers.
  net({ id: 1, network: "10.10.10.0", cidr: 24, domain: "lab.example", gateway: "10.10.10.1", dhcpStart: "10.10.10.200", dhcpEnd: "10.10.10.250" }),
  net({ id: 2, network: "10.10.10.128", cidr: 25, domain: "guest.example" }),
  // A pool with MAC-less hosts inside.
  net({ id: 3, network: "10.20.0.0", cidr: 24, domain: "a.example", dhcpStart: "10.20.0.100", dhcpEnd: "10.20.0.199" }),
  net({ id: 4, network: "10.30.0.0", cidr: 24, domain: "b.example" }),
];

export const legacyHosts = [
  host({ id: 1, ipAddress: "10.10.10.10", hostname: "gw-side", macAddress: "52:54:00:10:00:01", networkId: 1 }),
  host({ id: 2, ipAddress: "10.10.10.130", hostname: "guest1", networkId: 2 }),
  // In the pool: with a MAC (a static lease) it stays, without one it is left out.
  host({ id: 3, ipAddress: "10.20.0.120", hostname: "leased", macAddress: "52:54:00:20:00:01", networkId: 3 }),
  host({ id: 4, ipAddress: "10.20.0.121", hostname: "nomac", networkId: 3 }),
  // alloc-1 twice in one network: host 5 comes first by address, host 6 has the lower id and keeps the name.
  host({ id: 7, ipAddress: "10.20.0.5", hostname: "alloc-1", networkId: 3 }),
  host({ id: 6, ipAddress: "10.20.0.6", hostname: "alloc-1", cname: "alloc-alias", networkId: 3 }),
  // db02 in two domains: two FQDNs, so no short name.
  host({ id: 8, ipAddress: "10.20.0.8", hostname: "db02", macAddress: "52:54:00:20:00:08", networkId: 3 }),
  host({ id: 9, ipAddress: "10.30.0.8", hostname: "db02", macAddress: "52:54:00:30:00:08", networkId: 4 }),
  // portal in two domains: two different names.
  host({ id: 10, ipAddress: "10.20.0.10", hostname: "web", cname: "portal", networkId: 3 }),
  host({ id: 11, ipAddress: "10.30.0.10", hostname: "web", cname: "portal", networkId: 4 }),
  // Round-robin: both allow it, so both addresses answer; the alias answers only its own host's address.
  host({ id: 12, ipAddress: "10.30.0.20", hostname: "rr", cname: "rr-one", allowDuplicateName: true, networkId: 4 }),
  host({ id: 13, ipAddress: "10.30.0.21", hostname: "rr", allowDuplicateName: true, networkId: 4 }),
  // Only one of the two allows sharing: a conflict, the lower id keeps it.
  host({ id: 15, ipAddress: "10.30.0.30", hostname: "half", allowDuplicateName: true, networkId: 4 }),
  host({ id: 14, ipAddress: "10.30.0.31", hostname: "half", networkId: 4 }),
  // An alias of a lower id takes the name from a later hostname.
  host({ id: 16, ipAddress: "10.30.0.40", hostname: "first", cname: "taken", networkId: 4 }),
  host({ id: 17, ipAddress: "10.30.0.41", hostname: "taken", cname: "lost-too", networkId: 4 }),
  // On the broadcast address of its network.
  host({ id: 18, ipAddress: "10.30.0.255", hostname: "bcast", networkId: 4 }),
];
