import type { Address } from "@/lib/ipam";
import { ptrLabel, type ReverseZoneFinder } from "@/plugins/bind/reverse-zones";
import type { Zones } from "@/plugins/bind/zones";
import type { HostPlan, Note } from "@/plugins/dnsmasq/host-plan";
import type { PublishedNames } from "@/plugins/dnsmasq/names";

// One host's records in the zones, once its published names are decided
// (plugins/dnsmasq/names.ts: NameClaims through claimNames/namePublisher, as
// for the dnsmasq file). Zone files have no short names, so only the FQDNs
// of that decision are used.

const NO_NOTES: string[] = [];
const NO_ALIASES: ReadonlySet<string> = new Set();

/** Notes whose place is the zone of a host's name; short-name notes are dnsmasq's only. */
const zoneNotes = (notes: readonly Note[]) => notes.filter((n) => n.kind !== "short").map((n) => n.text);

/** Writes the host's records; false when none of its names lies in a forward zone (named.conf counts those hosts). */
export function publishHost(zones: Zones, plan: HostPlan, address: Address, reverse: ReverseZoneFinder, names: PublishedNames, nsNames: ReadonlySet<string>): boolean {
  const home = zones.forwardZoneOf(plan.fqdn);
  const notes = plan.notes.length || names.notes.length ? [...zoneNotes(plan.notes), ...zoneNotes(names.notes)] : NO_NOTES;
  let inZone = home !== null;
  if (names.names !== null) {
    if (home) zones.addAddress(home, plan.fqdn, address.family, plan.ip);
    const rz = reverse.zoneOf(address);
    // A PTR to a single-label name would point into the root zone.
    if (plan.fqdn.includes(".")) zones.reverseZone(rz).add(`${ptrLabel(rz, address)}.${rz.name}`, "PTR", plan.fqdn);
    const aliases = plan.aliases.length ? new Set(plan.aliases.map((a) => a.fqdn)) : NO_ALIASES;
    for (const alias of names.cnames) {
      if (!aliases.has(alias)) continue; // a dnsmasq short name
      const zone = zones.forwardZoneOf(alias);
      if (!zone) continue;
      inZone = true;
      // RFC 1034 §3.6.2: a name holding a CNAME holds nothing else; an apex always holds SOA and NS.
      if (zones.isApex(alias)) zone.leaveOut(`host ${plan.id}: alias ${alias} left out: it is a zone apex, which holds SOA and NS records, so it cannot be a CNAME (RFC 1034 §3.6.2)`);
      else if (nsNames.has(alias)) zone.leaveOut(`host ${plan.id}: alias ${alias} left out: it is a name server's name, which must not be a CNAME (RFC 2181 §10.3)`);
      else zone.add(alias, "CNAME", plan.fqdn);
    }
    // Aliases of a round-robin name answer this host's address directly (a CNAME would answer every holder's).
    for (const alias of names.aliasRecords) {
      if (!aliases.has(alias)) continue;
      const zone = zones.forwardZoneOf(alias);
      if (zone) zones.addAddress(zone, alias, address.family, plan.ip);
    }
  }
  if (notes.length) {
    const noteZone = home ?? zones.forwardZoneOfAny(plan.aliases.map((a) => a.fqdn));
    if (noteZone) for (const text of notes) noteZone.leaveOut(text);
  }
  return inZone;
}
