import type { Note } from "@/plugins/dnsmasq/host-plan";
import { comment, count, emitHost, header, networkLines, type Counts, type Sink } from "@/plugins/dnsmasq/render-parts";
import type { DnsmasqMode, DnsmasqSource } from "@/plugins/dnsmasq/types";
import { configNetworks } from "@/plugins/export/config-networks";
import { hostPass, type HostWriter } from "@/plugins/export/host-pass";

// The dnsmasq file, streamed. One pass over the hosts (plugins/export/host-pass.ts)
// writes their lines to a spool and adds up the counts; the header, then the
// networks' lines, then the spool follow. Rows that
// break the address-space model (docs/address-space.md) are left out with a
// note, by the same rules the start-up check lists them with.

export async function* renderDnsmasq(source: DnsmasqSource, mode: DnsmasqMode, now = new Date()): AsyncGenerator<string | Uint8Array> {
  // The same network checks (and pool-over-child overlaps) as the Kea, BIND, hosts and ethers exports.
  const { checked, own, poolOverlaps: overlaps } = configNetworks(source);
  const counts: Counts = {
    domain: 0, local: 0, "dhcp-range": 0, "dhcp-option": 0, "host-record": 0, cname: 0, "dhcp-host": 0,
    invalid: 0, conflicting: 0, short: 0, "multi-address": 0,
  };
  // Networks with reservations need a static dhcp-range; whether a host gets a dhcp-host never depends on names.
  const withHosts = new Set<number>();
  // One sink for every host (no closures per host): `into` is where the current host's lines go, if anywhere.
  let into: string[] | null = null;
  let tally = 1;
  const sink: Sink = {
    note(note) {
      counts[note.kind] += tally;
      into?.push(comment(note.text));
    },
    line(kind, build) {
      counts[kind] += tally;
      into?.push(build());
    },
  };
  const writer: HostWriter = {
    skipped(_host, plan, out) {
      counts[plan.skipped.kind]++;
      out.push(comment(plan.skipped.text));
    },
    planned(host, plan, names, out, sign) {
      if (sign === 1 && out && plan.dhcp && host.networkId !== null) withHosts.add(host.networkId);
      into = out;
      tally = sign;
      emitHost(plan, names, mode, sink);
    },
  };
  // One read of the hosts (plugins/export/host-pass.ts): their lines go to a spool while the counts add up.
  const { spool, splices, claims } = await hostPass(source, checked, mode, writer);
  try {
    for (const shared of claims.sharedNames()) if (shared.roundRobin) counts["multi-address"]++;
    const networkSection = networkLines(own, mode, withHosts, overlaps);
    count(networkSection, counts);
    const text = (item: string | Note) => (typeof item === "string" ? item : comment(item.text));
    yield [...header(mode, now, counts), "", comment("Networks"), ...networkSection.map(text), "", comment("Hosts"), ""].join("\n");
    yield* spool.replay(splices);
  } finally {
    spool.close();
  }
}
