// The BIND planner as it was before it streamed (issue 15.4): every planned
// host held until the read ends (pass 1 claims the names, pass 2 publishes
// from memory) and every zone's lines held in memory, each zone file one
// string. Kept as the oracle the one-pass export (plugins/bind/plan-zones.ts)
// must match byte for byte.
import { tryParseAddress } from "@/lib/ipam";
import { NameClaims } from "@/lib/services/integrity/name-claims";
import { NAMED_CONF, ZONE_DIR, namedConf } from "@/plugins/bind/named-conf";
import type { ZoneSet } from "@/plugins/bind/plan-zones";
import { publishHost } from "@/plugins/bind/publish-host";
import { zoneHeader, type ZoneStamp } from "@/plugins/bind/render-zone";
import type { ZoneSettings } from "@/plugins/bind/types";
import type { Zone } from "@/plugins/bind/zone";
import { archiveZones } from "@/plugins/bind/zone-archive";
import { tieZones } from "@/plugins/bind/zone-cuts";
import { openZones, skippedZoneOf, zoneNetworks } from "@/plugins/bind/zone-networks";
import { newMacOwners, planHost, type HostPlan } from "@/plugins/dnsmasq/host-plan";
import { claimNames, namePublisher, ShortNames } from "@/plugins/dnsmasq/names";
import type { DnsmasqSource } from "@/plugins/dnsmasq/types";

export interface MemoryZones extends ZoneSet {
  lines: Map<Zone, string[]>;
}

export async function twoPassZones(source: DnsmasqSource, settings: ZoneSettings): Promise<MemoryZones> {
  const networks = zoneNetworks(source, settings);
  const lines = new Map<Zone, string[]>();
  const zones = openZones(networks, source, (zone, line) => (lines.get(zone) ?? lines.set(zone, []).get(zone)!).push(line));

  // Pass 1: every plan, every claimed name. The MAC bookkeeping is dnsmasq's (mode "dns" makes none).
  const claims = new NameClaims();
  const shorts = new ShortNames();
  const macs = newMacOwners();
  const plans: HostPlan[] = [];
  const skipped: Array<{ networkId: number | null; text: string }> = [];
  for await (const batch of source.hosts()) {
    for (const host of batch) {
      const plan = planHost(host, networks.checked.get(host.networkId ?? -1), "dns", macs);
      if (!plan) continue;
      if ("skipped" in plan) skipped.push({ networkId: host.networkId, text: plan.skipped.text });
      else {
        plans.push(plan);
        claimNames(plan, claims, shorts);
      }
    }
  }

  // Pass 2 (in memory): the records, in address order.
  const publish = namePublisher(claims, shorts);
  let outside = 0;
  for (const plan of plans) {
    if (!publishHost(zones, plan, tryParseAddress(plan.ip)!, networks.reverse, publish(plan, "dns"), networks.nsNames)) outside++;
  }
  for (const s of skipped) {
    const domain = skippedZoneOf(networks, s.networkId);
    if (domain) zones.forwardZone(domain).leaveOut(s.text);
  }
  tieZones(zones, settings);
  return { forward: zones.forward, reverse: zones.reverse, outside, lines };
}

export function twoPassZoneText(zones: MemoryZones, zone: Zone, settings: ZoneSettings, stamp: ZoneStamp): string {
  return `${zoneHeader(zone, settings, stamp)}${(zones.lines.get(zone) ?? []).join("\n")}\n`;
}

/** The archive's files as [name, content]. */
export function twoPassArchive(zones: MemoryZones, settings: ZoneSettings, stamp: ZoneStamp): Array<[string, string]> {
  const all = archiveZones(zones);
  return [[NAMED_CONF, namedConf(all, stamp.generatedAt, zones.outside)], ...all.map((z): [string, string] => [`${ZONE_DIR}/${z.file}`, twoPassZoneText(zones, z, settings, stamp)])];
}
