import { tryParseAddress, type Address } from "@/lib/ipam";
import { NameClaims } from "@/lib/services/integrity/name-claims";
import { ptrLabel, ReverseZoneFinder } from "@/plugins/bind/reverse-zones";
import type { ZoneSettings } from "@/plugins/bind/types";
import type { Zone } from "@/plugins/bind/zone";
import { checkInZoneNameServers, classlessCnames, delegate } from "@/plugins/bind/zone-cuts";
import { isArpa, Zones } from "@/plugins/bind/zones";
import { checkNetwork, type CheckedNetwork } from "@/plugins/dnsmasq/checks";
import { newMacOwners, planHost, type HostPlan, type Note } from "@/plugins/dnsmasq/host-plan";
import { claimNames, namePublisher, ShortNames } from "@/plugins/dnsmasq/names";
import type { DnsmasqSource } from "@/plugins/dnsmasq/types";

// Every zone of one export, filled in one pass over the hosts plus one over
// the plans. Which hosts publish and under which names is decided exactly as
// for the dnsmasq file: planHost (status, checked address and names, the
// address-space rules) and NameClaims through claimNames/namePublisher (a
// shared name stays with the lowest host id unless every claim is
// round-robin; a host that loses its hostname loses its aliases). Zone files
// have no short names, so only the FQDNs of that decision are used.

export interface ZoneSet {
  forward: Map<string, Zone>;
  reverse: Map<string, Zone>;
  /** Hosts publishing a name that lies in no forward zone (no domain, or a domain no network has): they get no A/AAAA. */
  outside: number;
}

const NO_NOTES: string[] = [];
const NO_ALIASES: ReadonlySet<string> = new Set();

/** Notes whose place is the zone of a host's name; short-name notes are dnsmasq's only. */
const zoneNotes = (notes: readonly Note[]) => notes.filter((n) => n.kind !== "short").map((n) => n.text);

function publishHost(zones: Zones, plan: HostPlan, address: Address, reverse: ReverseZoneFinder, publish: ReturnType<typeof namePublisher>, nsNames: ReadonlySet<string>): boolean {
  const names = publish(plan, "dns");
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
    const noteZone = home ?? plan.aliases.map((a) => zones.forwardZoneOf(a.fqdn)).find((z) => z !== null) ?? null;
    if (noteZone) for (const text of notes) noteZone.leaveOut(text);
  }
  return inZone;
}

export async function planZones(source: DnsmasqSource, settings: ZoneSettings): Promise<ZoneSet> {
  const checked = new Map<number, CheckedNetwork>();
  const domains = new Set<string>();
  for (const n of source.networks) {
    const c = checkNetwork(n);
    if (!c) continue;
    checked.set(n.id, c);
    if (c.domain && !isArpa(c.domain)) domains.add(c.domain);
  }
  const nsNames = new Set(settings.ns);
  const zones = new Zones(domains, nsNames);
  // A chosen network's domain is a zone even without hosts (the zone then answers NXDOMAIN with authority).
  for (const c of checked.values()) if (c.domain && domains.has(c.domain) && (!source.networkIds || source.networkIds.has(c.id))) zones.forwardZone(c.domain);
  const reverse = new ReverseZoneFinder([...checked.values()].map((c) => c.prefix));

  // Pass 1: every plan, every claimed name. The MAC bookkeeping is dnsmasq's (mode "dns" makes none).
  const claims = new NameClaims();
  const shorts = new ShortNames();
  const macs = newMacOwners();
  const plans: HostPlan[] = [];
  const skipped: Array<{ networkId: number | null; text: string }> = [];
  for await (const batch of source.hosts()) {
    for (const host of batch) {
      const plan = planHost(host, checked.get(host.networkId ?? -1), "dns", macs);
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
    if (!publishHost(zones, plan, tryParseAddress(plan.ip)!, reverse, publish, nsNames)) outside++;
  }
  for (const s of skipped) {
    const domain = s.networkId === null ? null : checked.get(s.networkId)?.domain;
    if (domain && domains.has(domain)) zones.forwardZone(domain).leaveOut(s.text);
  }
  classlessCnames(zones);
  checkInZoneNameServers(zones, settings);
  delegate(zones, zones.forward, settings);
  delegate(zones, zones.reverse, settings);
  return { forward: zones.forward, reverse: zones.reverse, outside };
}
