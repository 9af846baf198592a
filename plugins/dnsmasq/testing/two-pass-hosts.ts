// TEST ORACLE: the renderer as it was before the one-pass export (issue 15),
// reading the hosts twice and deciding every name with NameClaims over all of
// them. one-pass.test.ts checks the one-pass renderer writes the same bytes.
// Not used by the app.

import { NameClaims } from "@/lib/services/integrity/name-claims";
import { newMacOwners, planHost } from "@/plugins/dnsmasq/host-plan";
import { claimNames, namePublisher, ShortNames } from "@/plugins/dnsmasq/names";
import type { DnsmasqSource } from "@/plugins/dnsmasq/types";
import { configNetworks } from "@/plugins/export/config-networks";
import { commentLine, hostsLine } from "@/plugins/hosts-file/hosts-lines";

// /etc/hosts, streamed: one line per address, `IP fqdn short aliases…`.
// The names are the dnsmasq DNS file's, decided by the same functions
// (plugins/dnsmasq/host-plan.ts, names.ts; NameClaims for who keeps a shared
// name), so both files publish the same names for the same addresses. Two
// passes over the hosts like the dnsmasq renderer: the first learns every
// claimed name (the lowest id keeps a contested one wherever it comes), the
// second writes one batch at a time.

export async function* twoPassHostsFile(source: DnsmasqSource, now = new Date()): AsyncGenerator<string> {
  const { checked } = configNetworks(source);
  const claims = new NameClaims();
  const shorts = new ShortNames();
  const macs1 = newMacOwners();
  for await (const batch of source.hosts()) {
    for (const host of batch) {
      const plan = planHost(host, checked.get(host.networkId ?? -1), "dns", macs1);
      if (plan && !("skipped" in plan)) claimNames(plan, claims, shorts);
    }
  }
  const published = namePublisher(claims, shorts);
  yield `${[
    "/etc/hosts exported by IPAM: one line per address, IP canonical-name short-name aliases",
    `Generated: ${now.toISOString()}`,
    "Active and reserved hosts with a hostname; what is left out is noted with its reason, as in the dnsmasq file.",
  ].map(commentLine).join("\n")}\n`;
  const macs = newMacOwners();
  for await (const batch of source.hosts()) {
    const out: string[] = [];
    for (const host of batch) {
      const plan = planHost(host, checked.get(host.networkId ?? -1), "dns", macs);
      if (!plan) continue;
      if ("skipped" in plan) {
        out.push(commentLine(plan.skipped.text));
        continue;
      }
      const names = published(plan, "dns");
      for (const note of [...plan.notes, ...names.notes]) out.push(commentLine(note.text));
      if (names.names) out.push(hostsLine(plan.ip, [...names.names, ...names.cnames, ...names.aliasRecords]));
    }
    if (out.length) yield `${out.join("\n")}\n`;
  }
}
