// TEST ORACLE: the renderer as it was before the one-pass export (issue 15),
// reading the hosts twice and deciding every name with NameClaims over all of
// them. one-pass.test.ts checks the one-pass renderer writes the same bytes.
// Not used by the app.

import { NameClaims } from "@/lib/services/integrity/name-claims";
import { dhcpPrefixProblem, networkTag } from "@/plugins/dnsmasq/checks";
import { newMacOwners, planHost, type HostPlan, type Note } from "@/plugins/dnsmasq/host-plan";
import * as line from "@/plugins/dnsmasq/lines";
import { claimNames, namePublisher, ShortNames, type PublishedNames } from "@/plugins/dnsmasq/names";
import type { DnsmasqMode, DnsmasqSource } from "@/plugins/dnsmasq/types";
import { configNetworks, type OwnNetwork } from "@/plugins/export/config-networks";

// The dnsmasq file, streamed. Two passes over the hosts: the first learns
// every name each host claims and the counts for the header (without keeping
// any output), the second writes one batch of lines at a time. Rows that
// break the address-space model (docs/address-space.md) are left out with a
// note, by the same rules the start-up check lists them with.

const MODE_TITLES: Record<DnsmasqMode, string> = {
  dns: "DNS only (host-record, cname, domain, local)",
  dhcp: "DHCP only (dhcp-range, dhcp-option, dhcp-host)",
  combined: "DNS and DHCP",
};

type Directive = "domain" | "local" | "dhcp-range" | "dhcp-option" | "host-record" | "cname" | "dhcp-host";
type Counts = Record<Directive | Note["kind"] | "multi-address", number>;

const comment = (text: string) => `# ${text}`;


/** Lines for the networks' own settings (domain, local, dhcp-range, router), with notes. */
function networkLines(networks: OwnNetwork[], mode: DnsmasqMode, withHosts: ReadonlySet<number>, overlaps: ReadonlyMap<number, number>): Array<string | Note> {
  const out: Array<string | Note> = [];
  const locals = new Set<string>();
  for (const n of networks) {
    if ("invalid" in n) {
      out.push({ kind: "invalid", text: `skipped network ${n.id}: its prefix is not valid` });
      continue;
    }
    for (const problem of n.problems) out.push({ kind: "invalid", text: `network ${n.id}: ${problem}` });
    if (mode !== "dhcp" && n.domain) {
      out.push(line.domainLine(n.domain, n.text));
      if (!locals.has(n.domain)) out.push(line.localLine(n.domain));
      locals.add(n.domain);
    }
    if (mode === "dns") continue;
    let pool = n.pool;
    const child = overlaps.get(n.id);
    if (pool && child !== undefined) {
      out.push({ kind: "conflicting", text: `network ${n.id}: dhcp-range left out: its DHCP pool overlaps child network ${child}` });
      pool = null;
    }
    if (!pool && !withHosts.has(n.id)) continue;
    const tooShort = dhcpPrefixProblem(n.prefix);
    if (tooShort) {
      out.push({ kind: "invalid", text: `network ${n.id}: ${tooShort}` });
      continue;
    }
    const tag = networkTag(n.prefix);
    const network = n.text.split("/")[0];
    out.push(pool ? line.dhcpPoolLine(tag, n.prefix, pool.start, pool.end) : line.dhcpStaticLine(tag, n.prefix, network));
    if (n.gateway && n.prefix.family === 4) out.push(line.routerLine(tag, n.gateway));
  }
  return out;
}

function count(items: ReadonlyArray<string | Note>, counts: Counts): void {
  for (const item of items) {
    if (typeof item === "string") counts[item.slice(0, item.indexOf("=")) as Directive]++;
    else counts[item.kind]++;
  }
}

function header(mode: DnsmasqMode, now: Date, c: Counts): string[] {
  return [
    comment("dnsmasq configuration exported by IPAM"),
    comment(`Mode: ${MODE_TITLES[mode]}`),
    comment(`Generated: ${now.toISOString()}`),
    comment(`Networks: ${c.domain} domain, ${c.local} local, ${c["dhcp-range"]} dhcp-range, ${c["dhcp-option"]} dhcp-option`),
    comment(`Hosts: ${c["host-record"]} host-record, ${c.cname} cname, ${c["dhcp-host"]} dhcp-host`),
    comment(`Left out as invalid: ${c.invalid} (each noted below)`),
    comment(`Left out as conflicting: ${c.conflicting} (each noted below; a name shared by hosts that are not all round-robin stays with the lowest host id)`),
    comment(`Multi-address names: ${c["multi-address"]} (round-robin: one host-record per address)`),
    comment(`Short names left out as not unique in this file: ${c.short} (each noted below; the FQDN is published)`),
    comment("Inactive hosts and hosts without a hostname get no records."),
    ...(mode === "combined" ? [comment("Named hosts also get a host-record: dnsmasq publishes dhcp-host names only once a lease exists.")] : []),
  ];
}

/** Takes a host's output: the counting pass only tallies kinds, the writing pass builds the lines. */
interface Sink {
  note(note: Note): void;
  line(kind: Directive, build: () => string): void;
}

/** The lines (and notes) of one planned host: one function for both passes, so the header counts what is written. */
function emitHost(plan: HostPlan, names: PublishedNames, mode: DnsmasqMode, sink: Sink): void {
  for (const note of plan.notes) sink.note(note);
  // A DHCP-only file says nothing about the names of a host it writes no line for.
  if (mode !== "dhcp" || plan.dhcp) for (const note of names.notes) sink.note(note);
  const { names: records, cnames, aliasRecords, dhcpName } = names;
  if (mode !== "dhcp" && records) {
    sink.line("host-record", () => line.hostRecordLine(records, plan.ip));
    if (cnames.length) sink.line("cname", () => line.cnameLine(cnames, plan.fqdn));
    if (aliasRecords.length) sink.line("host-record", () => line.hostRecordLine(aliasRecords, plan.ip));
  }
  const dhcp = plan.dhcp;
  if (dhcp) sink.line("dhcp-host", () => line.dhcpHostLine(dhcp.mac, dhcp.ip, dhcp.family, dhcpName));
}

export async function* twoPassDnsmasq(source: DnsmasqSource, mode: DnsmasqMode, now = new Date()): AsyncGenerator<string> {
  // The same network checks (and pool-over-child overlaps) as the Kea, BIND, hosts and ethers exports.
  const { checked, own, poolOverlaps: overlaps } = configNetworks(source);

  // Pass 1: every claimed name, the skipped hosts, and which networks have reservations (they need a static dhcp-range).
  const counts: Counts = {
    domain: 0, local: 0, "dhcp-range": 0, "dhcp-option": 0, "host-record": 0, cname: 0, "dhcp-host": 0,
    invalid: 0, conflicting: 0, short: 0, "multi-address": 0,
  };
  const claims = new NameClaims();
  const shorts = new ShortNames();
  const withHosts = new Set<number>();
  let plans: HostPlan[] = [];
  const macs1 = newMacOwners();
  for await (const batch of source.hosts()) {
    for (const host of batch) {
      const plan = planHost(host, checked.get(host.networkId ?? -1), mode, macs1);
      if (!plan) continue;
      if ("skipped" in plan) {
        counts[plan.skipped.kind]++;
        continue;
      }
      plans.push(plan);
      claimNames(plan, claims, shorts);
      if (plan.dhcp && host.networkId !== null) withHosts.add(host.networkId);
    }
  }
  const publishedNames = namePublisher(claims, shorts);
  const tally: Sink = { note: (note) => counts[note.kind]++, line: (kind) => counts[kind]++ };
  for (const plan of plans) emitHost(plan, publishedNames(plan, mode), mode, tally);
  plans = [];
  for (const shared of claims.sharedNames()) if (shared.roundRobin) counts["multi-address"]++;
  const networkSection = networkLines(own, mode, withHosts, overlaps);
  count(networkSection, counts);

  const text = (item: string | Note) => (typeof item === "string" ? item : comment(item.text));
  yield [...header(mode, now, counts), "", comment("Networks"), ...networkSection.map(text), "", comment("Hosts"), ""].join("\n");

  // Pass 2: the same decisions, now written out.
  const macs = newMacOwners();
  let out: string[] = [];
  const write: Sink = { note: (note) => out.push(comment(note.text)), line: (_, build) => out.push(build()) };
  for await (const batch of source.hosts()) {
    out = [];
    for (const host of batch) {
      const plan = planHost(host, checked.get(host.networkId ?? -1), mode, macs);
      if (!plan) continue;
      if ("skipped" in plan) out.push(comment(plan.skipped.text));
      else emitHost(plan, publishedNames(plan, mode), mode, write);
    }
    if (out.length) yield `${out.join("\n")}\n`;
  }
}
