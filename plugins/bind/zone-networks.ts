import { ReverseZoneFinder } from "@/plugins/bind/reverse-zones";
import type { ZoneSettings } from "@/plugins/bind/types";
import type { LineSink } from "@/plugins/bind/zone";
import { isArpa, Zones } from "@/plugins/bind/zones";
import { checkNetwork, type CheckedNetwork } from "@/plugins/dnsmasq/checks";
import type { DnsmasqSource } from "@/plugins/dnsmasq/types";

// What an export's zones depend on besides the hosts: the re-checked
// networks (plugins/dnsmasq/checks.ts, as for every config export), their
// domains (the forward zones a name may fall into; none under arpa), the
// reverse zone of each address, and the name servers' names.

export interface ZoneNetworks {
  checked: Map<number, CheckedNetwork>;
  domains: Set<string>;
  reverse: ReverseZoneFinder;
  nsNames: Set<string>;
}

export function zoneNetworks(source: DnsmasqSource, settings: ZoneSettings): ZoneNetworks {
  const checked = new Map<number, CheckedNetwork>();
  const domains = new Set<string>();
  for (const n of source.networks) {
    const c = checkNetwork(n);
    if (!c) continue;
    checked.set(n.id, c);
    if (c.domain && !isArpa(c.domain)) domains.add(c.domain);
  }
  return { checked, domains, reverse: new ReverseZoneFinder([...checked.values()].map((c) => c.prefix)), nsNames: new Set(settings.ns) };
}

/** The zones before any host: a chosen network's domain is a zone even without hosts (the zone then answers NXDOMAIN with authority). */
export function openZones(networks: ZoneNetworks, source: DnsmasqSource, sink: LineSink): Zones {
  const zones = new Zones(networks.domains, networks.nsNames, sink);
  for (const c of networks.checked.values()) {
    if (c.domain && networks.domains.has(c.domain) && (!source.networkIds || source.networkIds.has(c.id))) zones.forwardZone(c.domain);
  }
  return zones;
}

/** The forward zone that notes a skipped host: its network's domain, when that is a zone. */
export function skippedZoneOf(networks: ZoneNetworks, networkId: number | null): string | null {
  const domain = networkId === null ? null : networks.checked.get(networkId)?.domain;
  return domain && networks.domains.has(domain) ? domain : null;
}
