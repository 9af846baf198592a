// TEST ORACLE: the renderer as it was before the one-pass export (issue 15),
// reading the hosts twice and deciding every name with NameClaims over all of
// them. one-pass.test.ts checks the one-pass renderer writes the same bytes.
// Not used by the app.

import { NameClaims } from "@/lib/services/integrity/name-claims";
import { dhcpPrefixProblem, networkTag } from "@/plugins/dnsmasq/checks";
import { newMacOwners, planHost, type HostPlan, type Note } from "@/plugins/dnsmasq/host-plan";
import { claimNames, namePublisher, ShortNames, type PublishedNames } from "@/plugins/dnsmasq/names";
import type { DnsmasqMode, DnsmasqSource } from "@/plugins/dnsmasq/types";
import { configNetworks } from "@/plugins/export/config-networks";
import { comment, count, emitHost, header, networkLines, type Counts, type Sink } from "@/plugins/dnsmasq/render-parts";

// The dnsmasq file, streamed. Two passes over the hosts: the first learns
// every name each host claims and the counts for the header (without keeping
// any output), the second writes one batch of lines at a time. Rows that
// break the address-space model (docs/address-space.md) are left out with a
// note, by the same rules the start-up check lists them with.

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
