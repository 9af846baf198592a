import type { DnsmasqSource } from "@/plugins/dnsmasq/types";
import { configNetworks } from "@/plugins/export/config-networks";
import { hostPass, type HostWriter } from "@/plugins/export/host-pass";
import { commentLine, hostsLine } from "@/plugins/hosts-file/hosts-lines";

// /etc/hosts, streamed: one line per address, `IP fqdn short aliases…`.
// The names are the dnsmasq DNS file's, decided by the same functions
// (plugins/dnsmasq/host-plan.ts, names.ts; NameClaims for who keeps a shared
// name), so both files publish the same names for the same addresses. One
// read of the hosts like the dnsmasq renderer (plugins/export/host-pass.ts:
// the lowest id keeps a contested name wherever it comes).

const writer: HostWriter = {
  skipped(_host, plan, out) {
    out.push(commentLine(plan.skipped.text));
  },
  planned(_host, plan, names, out) {
    if (!out) return;
    for (const note of plan.notes) out.push(commentLine(note.text));
    for (const note of names.notes) out.push(commentLine(note.text));
    if (names.names) out.push(hostsLine(plan.ip, [...names.names, ...names.cnames, ...names.aliasRecords]));
  },
};

export async function* renderHostsFile(source: DnsmasqSource, now = new Date()): AsyncGenerator<string | Uint8Array> {
  const { checked } = configNetworks(source);
  const { spool, splices } = await hostPass(source, checked, "dns", writer);
  try {
    yield `${[
      "/etc/hosts exported by IPAM: one line per address, IP canonical-name short-name aliases",
      `Generated: ${now.toISOString()}`,
      "Active and reserved hosts with a hostname; what is left out is noted with its reason, as in the dnsmasq file.",
    ].map(commentLine).join("\n")}\n`;
    yield* spool.replay(splices);
  } finally {
    spool.close();
  }
}
