import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { embeddedIPv4Problem, formatPrefix, formatValue, isIpamError, parsePrefix, tryParseAddress, type Prefix } from "@/lib/ipam";
import { normalizeDnsName, dnsNameProblem } from "@/lib/schemas/dns";
import { normalizeMac } from "@/lib/schemas/fields";
import { hostListQuery, networkListQuery } from "@/lib/schemas/list";
import type { HostOut, IpLookupOut, NetworkOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { listHosts } from "@/lib/services/hosts/list-hosts";
import { lookupAddress } from "@/lib/services/ip/lookup-address";
import { listNetworks } from "@/lib/services/networks/list-networks";
import { hostsNamed } from "@/lib/services/search/hosts-named";
import { prefixContents } from "@/lib/services/search/prefix-contents";

export type SearchKind = "address" | "prefix" | "mac" | "name" | "text";

export interface SearchResults {
  query: string;
  kind: SearchKind;
  /** The one record the query names exactly; the UI jumps straight to it. */
  exact: { type: "host" | "network"; id: number } | null;
  /** For an address (or a prefix's network address): what GET /ip/{address} tells. */
  address: IpLookupOut | null;
  /** "10.0.0.5/24" was read as 10.0.0.0/24. */
  note: string | null;
  /** For a prefix no network is: the prefix (canonical) a "Create network" link prefills. */
  newNetwork: string | null;
  /** For such a prefix: the innermost network holding it. */
  containing: NetworkOut | null;
  /** For a prefix, hosts and networks are those inside it (first 25); otherwise text matches. */
  hosts: HostOut[];
  hostsTotal: number;
  networks: NetworkOut[];
  networksTotal: number;
}

const LIMIT = 25;

function macOf(text: string): string | null {
  try {
    return normalizeMac(text);
  } catch {
    return null;
  }
}

/**
 * The header search. Recognises an IP address, a CIDR prefix (the network,
 * or what lies inside it and holds it, with "Create network"), a MAC
 * address, a host name, alias or FQDN, and otherwise searches text as the
 * lists' q= does (the list and lookup services), so it sees what the API would.
 */
export async function searchEverything(actor: Actor, text: string): Promise<SearchResults> {
  authorize(actor, "viewer");
  const query = text.trim().slice(0, 200);
  const base: SearchResults = {
    query, kind: "text", exact: null, address: null, note: null, newNetwork: null, containing: null, hosts: [], hostsTotal: 0, networks: [], networksTotal: 0,
  };
  if (query === "") return base;

  const parsed = query.includes("/") ? null : tryParseAddress(query);
  if (parsed) {
    // ::ffff:10.0.0.77 names 10.0.0.77, which the IPAM knows only in its IPv4 form: search for that.
    const embedded = embeddedIPv4Problem(parsed);
    const text = embedded ? formatValue(4, parsed.value & 0xffffffffn) : query;
    const note = embedded ? `${query}: ${embedded}; searched for ${text}` : null;
    const address = await lookupAddress(actor, text);
    if (address.host) return { ...base, kind: "address", note, exact: { type: "host", id: address.host.id }, address };
    return { ...base, kind: "address", note, address };
  }

  if (query.includes("/")) {
    let prefix: Prefix | null = null;
    let note: string | null = null;
    try {
      prefix = parsePrefix(query);
    } catch (error) {
      if (isIpamError(error) && error.code === "host_bits_set" && error.suggestion) {
        prefix = parsePrefix(error.suggestion);
        note = `${query} has host bits set; searched for ${error.suggestion}`;
      }
    }
    if (prefix) {
      const { exact, containing, hosts, hostsTotal, networks, networksTotal } = await prefixContents(prefix, LIMIT);
      if (exact) return { ...base, kind: "prefix", note, exact: { type: "network", id: exact.id } };
      return { ...base, kind: "prefix", note, newNetwork: formatPrefix(prefix), containing, hosts, hostsTotal, networks, networksTotal };
    }
  }

  const mac = macOf(query);
  if (mac) {
    const found = await listHosts(actor, hostListQuery.parse({ mac_address: mac, per_page: LIMIT }));
    if (found.total === 1) return { ...base, kind: "mac", exact: { type: "host", id: found.items[0].id } };
    if (found.total > 1) return { ...base, kind: "mac", hosts: found.items, hostsTotal: found.total };
  }

  const name = normalizeDnsName(query);
  if (!dnsNameProblem(name)) {
    const hosts = await hostsNamed(name, LIMIT);
    if (hosts.length === 1) return { ...base, kind: "name", exact: { type: "host", id: hosts[0].id } };
    if (hosts.length > 1) return { ...base, kind: "name", hosts, hostsTotal: hosts.length };
  }

  const [hosts, networks] = await Promise.all([
    listHosts(actor, hostListQuery.parse({ q: query, per_page: LIMIT })),
    listNetworks(actor, networkListQuery.parse({ q: query, per_page: LIMIT })),
  ]);
  const named = networks.items.filter((n) => n.name?.toLowerCase() === query.toLowerCase());
  if (hosts.total === 0 && named.length === 1) return { ...base, exact: { type: "network", id: named[0].id } };
  return { ...base, hosts: hosts.items, hostsTotal: hosts.total, networks: networks.items, networksTotal: networks.total };
}
