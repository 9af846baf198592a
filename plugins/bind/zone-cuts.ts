import { parentOfBlock } from "@/plugins/bind/reverse-zones";
import type { ZoneSettings } from "@/plugins/bind/types";
import type { Zone } from "@/plugins/bind/zone";
import { parentName, type Zones } from "@/plugins/bind/zones";

// The records that tie the zones together once every host is in: RFC 2317
// CNAMEs, delegations (with glue) from a zone to the zones inside it, and
// the check that a name server inside a zone has an address there.

/** RFC 2317 §4: the /24 zone points every address of a block at the block's zone (its delegation comes with the others). */
export function classlessCnames(zones: Zones): void {
  for (const block of zones.blocks.values()) {
    const parent = zones.reverseZone(parentOfBlock(block));
    const first = Number(block.prefix.network & 255n);
    for (let d = first; d < first + 2 ** (32 - block.prefix.length); d++) parent.add(`${d}.${parent.name}`, "CNAME", `${d}.${block.name}`);
  }
}

/** Each zone with a zone of ours above it gets a delegation there, with glue for name servers below the cut. */
export function delegate(zones: Zones, all: Map<string, Zone>, settings: ZoneSettings): void {
  for (const child of all.values()) {
    let parent: Zone | undefined;
    for (let name = parentName(child.name); name !== null && !parent; name = parentName(name)) parent = all.get(name);
    if (!parent) continue;
    for (const ns of settings.ns) parent.add(child.name, "NS", ns);
    for (const ns of settings.ns) {
      if (!child.holds(ns)) continue;
      const glue = zones.nsAddresses.get(ns) ?? [];
      for (const g of glue) parent.add(ns, g.type, g.ip);
      if (!glue.length) parent.leaveOut(`name server ${ns} lies below the cut to ${child.name} but no host publishes its address: no glue, named will refuse this zone until one does`);
    }
  }
}

/** A name server inside its own zone needs an address record there (named refuses the zone otherwise). */
export function checkInZoneNameServers(zones: Zones, settings: ZoneSettings): void {
  for (const ns of settings.ns) {
    const zone = zones.existingForwardZoneOf(ns);
    if (zone && !zones.nsAddresses.has(ns)) {
      zone.leaveOut(`name server ${ns} lies in this zone but no host publishes its address: named will refuse the zone until one does`);
    }
  }
}

/** Everything that needs every host's records: RFC 2317 CNAMEs, the in-zone NS check, then delegations (forward zones, then reverse). */
export function tieZones(zones: Zones, settings: ZoneSettings): void {
  classlessCnames(zones);
  checkInZoneNameServers(zones, settings);
  delegate(zones, zones.forward, settings);
  delegate(zones, zones.reverse, settings);
}
