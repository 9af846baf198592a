import type { DnsmasqSource, HostRecord, NetworkRecord } from "@/plugins/dnsmasq/types";

// An in-memory network with everything the exporter must handle: IPv4 and
// IPv6, pools, gateways, MAC and non-MAC hosts, aliases, every status.

type N = Partial<NetworkRecord> & Pick<NetworkRecord, "id" | "network" | "cidr">;
type H = Partial<HostRecord> & Pick<HostRecord, "id" | "ipAddress">;

export const net = (n: N): NetworkRecord => ({
  family: n.network.includes(":") ? 6 : 4, domain: null, gateway: null, dhcpStart: null, dhcpEnd: null, ...n,
});
export const host = (h: H): HostRecord => ({
  family: h.ipAddress.includes(":") ? 6 : 4, hostname: null, cname: null, macAddress: null, status: "active", networkId: null, allowDuplicateName: false, ...h,
});

export const fixtureNetworks: NetworkRecord[] = [
  net({ id: 1, network: "10.10.0.0", cidr: 24, domain: "lab.example", gateway: "10.10.0.1", dhcpStart: "10.10.0.100", dhcpEnd: "10.10.0.199" }),
  net({ id: 2, network: "10.20.0.0", cidr: 24, gateway: "10.20.0.1" }),
  net({ id: 3, network: "10.30.0.0", cidr: 24, domain: "other.example" }),
  net({ id: 4, network: "2001:db8:10::", cidr: 64, domain: "v6.example", gateway: "2001:db8:10::1", dhcpStart: "2001:db8:10::1000", dhcpEnd: "2001:db8:10::1fff" }),
  net({ id: 5, network: "2001:db8:20::", cidr: 64, domain: "v6.example" }),
  net({ id: 6, network: "2001:db8:30::", cidr: 48, dhcpStart: "2001:db8:30::100", dhcpEnd: "2001:db8:30::1ff" }),
];

export const fixtureHosts: HostRecord[] = [
  host({ id: 1, ipAddress: "10.10.0.10", hostname: "web", cname: "www,intranet", macAddress: "52:54:00:00:00:01", networkId: 1 }),
  host({ id: 2, ipAddress: "10.10.0.11", hostname: "db", cname: "sql.lab.example", status: "reserved", networkId: 1 }),
  host({ id: 3, ipAddress: "10.10.0.12", hostname: "old", macAddress: "52:54:00:00:00:09", status: "inactive", networkId: 1 }),
  host({ id: 4, ipAddress: "10.10.0.13", macAddress: "52:54:00:00:00:0a", networkId: 1 }),
  host({ id: 5, ipAddress: "10.20.0.5", hostname: "printer", macAddress: "52:54:00:00:00:02", networkId: 2 }),
  host({ id: 6, ipAddress: "10.20.0.6", hostname: "nas.storage.example", status: "reserved", networkId: 2 }),
  host({ id: 7, ipAddress: "10.30.0.5", hostname: "mail", cname: "smtp,imap", networkId: 3 }),
  host({ id: 8, ipAddress: "192.168.99.5", hostname: "stray", macAddress: "52:54:00:00:00:04" }),
  host({ id: 9, ipAddress: "2001:db8:10::10", hostname: "db6", cname: "db6-alias", macAddress: "52:54:00:00:00:01", networkId: 4 }),
  host({ id: 10, ipAddress: "2001:db8:20::20", hostname: "ws6", macAddress: "52:54:00:00:00:03", status: "reserved", networkId: 5 }),
  host({ id: 11, ipAddress: "2001:db8:20::21", hostname: "gone6", status: "inactive", networkId: 5 }),
  host({ id: 12, ipAddress: "2001:db8:30::5", hostname: "big6", networkId: 6 }),
];

/** A source over arrays, handing hosts out in batches like the database reader. */
export function memorySource(networks: NetworkRecord[], hosts: HostRecord[], batch = 3, networkIds?: Set<number>): DnsmasqSource {
  return {
    networks,
    networkIds,
    async *hosts() {
      for (let i = 0; i < hosts.length; i += batch) yield hosts.slice(i, i + batch);
    },
    async hostsById(ids) {
      const wanted = new Set(ids);
      return hosts.filter((h) => wanted.has(h.id));
    },
  };
}

/** The text of a streamed file (text and byte chunks). */
export async function collect(chunks: AsyncIterable<string | Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of chunks) text += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/** The directives of a file (no comments, no blank lines). */
export const directives = (text: string) => text.split("\n").filter((l) => l !== "" && !l.startsWith("#"));
