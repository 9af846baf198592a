import { checkNetwork, dhcpPrefixProblem, networkTag, type CheckedNetwork } from "@/plugins/dnsmasq/checks";
import { newMacOwners, planHost, publishAliases } from "@/plugins/dnsmasq/host-plan";
import * as line from "@/plugins/dnsmasq/lines";
import type { DnsmasqMode, DnsmasqSource } from "@/plugins/dnsmasq/types";

// The dnsmasq file, streamed. Two passes over the hosts: the first learns
// every published name and the counts for the header (without keeping any
// output), the second writes one batch of lines at a time.

const MODE_TITLES: Record<DnsmasqMode, string> = {
  dns: "DNS only (host-record, cname, domain, local)",
  dhcp: "DHCP only (dhcp-range, dhcp-option, dhcp-host)",
  combined: "DNS and DHCP",
};

type Counts = Record<"domain" | "local" | "dhcp-range" | "dhcp-option" | "host-record" | "cname" | "dhcp-host" | "left out", number>;

const comment = (text: string) => `# ${text}`;
const isDirective = (l: string) => !l.startsWith("#");

/** Lines for the networks' own settings (domain, local, dhcp-range, router). */
function networkLines(networks: Array<CheckedNetwork | { id: number; invalid: true }>, mode: DnsmasqMode, withHosts: ReadonlySet<number>): string[] {
  const out: string[] = [];
  const locals = new Set<string>();
  for (const n of networks) {
    if ("invalid" in n) {
      out.push(comment(`skipped network ${n.id}: its prefix is not valid`));
      continue;
    }
    for (const problem of n.problems) out.push(comment(`network ${n.id}: ${problem}`));
    if (mode !== "dhcp" && n.domain) {
      out.push(line.domainLine(n.domain, n.text));
      if (!locals.has(n.domain)) out.push(line.localLine(n.domain));
      locals.add(n.domain);
    }
    if (mode === "dns" || (!n.pool && !withHosts.has(n.id))) continue;
    const tooShort = dhcpPrefixProblem(n.prefix);
    if (tooShort) {
      out.push(comment(`network ${n.id}: ${tooShort}`));
      continue;
    }
    const tag = networkTag(n.prefix);
    const network = n.text.split("/")[0];
    out.push(n.pool ? line.dhcpPoolLine(tag, n.prefix, n.pool.start, n.pool.end) : line.dhcpStaticLine(tag, n.prefix, network));
    if (n.gateway && n.prefix.family === 4) out.push(line.routerLine(tag, n.gateway));
  }
  return out;
}

function count(lines: readonly string[], counts: Counts): void {
  for (const l of lines) {
    if (!isDirective(l)) counts["left out"]++;
    else counts[l.slice(0, l.indexOf("=")) as keyof Counts]++;
  }
}

function header(mode: DnsmasqMode, now: Date, c: Counts): string[] {
  return [
    comment("dnsmasq configuration exported by IPAM"),
    comment(`Mode: ${MODE_TITLES[mode]}`),
    comment(`Generated: ${now.toISOString()}`),
    comment(`Networks: ${c.domain} domain, ${c.local} local, ${c["dhcp-range"]} dhcp-range, ${c["dhcp-option"]} dhcp-option`),
    comment(`Hosts: ${c["host-record"]} host-record, ${c.cname} cname, ${c["dhcp-host"]} dhcp-host`),
    comment(`Left out as invalid or conflicting: ${c["left out"]} (each noted below)`),
    comment("Inactive hosts and hosts without a hostname get no records."),
    ...(mode === "combined" ? [comment("Named hosts also get a host-record: dnsmasq publishes dhcp-host names only once a lease exists.")] : []),
  ];
}

export async function* renderDnsmasq(source: DnsmasqSource, mode: DnsmasqMode, now = new Date()): AsyncGenerator<string> {
  const checked = new Map<number, CheckedNetwork>();
  const own: Array<CheckedNetwork | { id: number; invalid: true }> = [];
  for (const n of source.networks) {
    const c = checkNetwork(n);
    if (c) checked.set(n.id, c);
    if (!source.networkIds || source.networkIds.has(n.id)) own.push(c ?? { id: n.id, invalid: true });
  }

  // Pass 1: names, counts, and which networks have reservations (they need a static dhcp-range).
  const counts: Counts = { domain: 0, local: 0, "dhcp-range": 0, "dhcp-option": 0, "host-record": 0, cname: 0, "dhcp-host": 0, "left out": 0 };
  const hostNames = new Set<string>();
  const withHosts = new Set<number>();
  const aliased: Array<{ id: number; aliases: string[] }> = [];
  const macs = newMacOwners();
  for await (const batch of source.hosts()) {
    for (const host of batch) {
      const plan = planHost(host, checked.get(host.networkId ?? -1), mode, macs);
      if (!plan) continue;
      counts["left out"] += plan.comments.length;
      if (plan.names) {
        counts["host-record"]++;
        for (const name of plan.names) hostNames.add(name);
      }
      if (plan.aliases.length) aliased.push({ id: host.id, aliases: plan.aliases });
      if (plan.dhcp) {
        counts["dhcp-host"]++;
        if (host.networkId !== null) withHosts.add(host.networkId);
      }
    }
  }
  const claimedInPass1 = new Map<string, number>();
  for (const { id, aliases } of aliased) {
    const { published, comments } = publishAliases(id, aliases, hostNames, claimedInPass1);
    counts["left out"] += comments.length;
    if (published.length) counts.cname++;
  }
  const networkSection = networkLines(own, mode, withHosts);
  count(networkSection, counts);

  yield [...header(mode, now, counts), "", comment("Networks"), ...networkSection, "", comment("Hosts"), ""].join("\n");

  // Pass 2: the same decisions, now written out.
  const claimed = new Map<string, number>();
  const macs2 = newMacOwners();
  for await (const batch of source.hosts()) {
    const out: string[] = [];
    for (const host of batch) {
      const plan = planHost(host, checked.get(host.networkId ?? -1), mode, macs2);
      if (!plan) continue;
      for (const text of plan.comments) out.push(comment(text));
      if (plan.names) out.push(line.hostRecordLine(plan.names, host.ipAddress));
      if (plan.aliases.length) {
        const { published, comments } = publishAliases(host.id, plan.aliases, hostNames, claimed);
        for (const text of comments) out.push(comment(text));
        if (published.length) out.push(line.cnameLine(published, plan.target));
      }
      if (plan.dhcp) out.push(line.dhcpHostLine(plan.dhcp.mac, plan.dhcp.ip, plan.dhcp.family, plan.dhcp.name));
    }
    if (out.length) yield `${out.join("\n")}\n`;
  }
}
