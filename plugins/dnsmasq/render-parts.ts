import { dhcpPrefixProblem, networkTag } from "@/plugins/dnsmasq/checks";
import type { HostPlan, Note } from "@/plugins/dnsmasq/host-plan";
import * as line from "@/plugins/dnsmasq/lines";
import type { PublishedNames } from "@/plugins/dnsmasq/names";
import type { DnsmasqMode } from "@/plugins/dnsmasq/types";
import type { OwnNetwork } from "@/plugins/export/config-networks";

// The pieces of the dnsmasq file that do not depend on how the hosts are
// read: the networks' lines, the header and its counts, one host's lines.
// The one-pass renderer (render.ts) uses them, and so does the two-pass test
// oracle, so the oracle differs from it only in how the hosts are read.

const MODE_TITLES: Record<DnsmasqMode, string> = {
  dns: "DNS only (host-record, cname, domain, local)",
  dhcp: "DHCP only (dhcp-range, dhcp-option, dhcp-host)",
  combined: "DNS and DHCP",
};

export type Directive = "domain" | "local" | "dhcp-range" | "dhcp-option" | "host-record" | "cname" | "dhcp-host";
export type Counts = Record<Directive | Note["kind"] | "multi-address", number>;

export const comment = (text: string) => `# ${text}`;

/** Lines for the networks' own settings (domain, local, dhcp-range, router), with notes. */
export function networkLines(networks: OwnNetwork[], mode: DnsmasqMode, withHosts: ReadonlySet<number>, overlaps: ReadonlyMap<number, number>): Array<string | Note> {
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

export function count(items: ReadonlyArray<string | Note>, counts: Counts): void {
  for (const item of items) {
    if (typeof item === "string") counts[item.slice(0, item.indexOf("=")) as Directive]++;
    else counts[item.kind]++;
  }
}

export function header(mode: DnsmasqMode, now: Date, c: Counts): string[] {
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

/** Takes a host's output: tallies each kind, and builds the lines when they are written. */
export interface Sink {
  note(note: Note): void;
  line(kind: Directive, build: () => string): void;
}

/** The lines (and notes) of one planned host: one function counts and writes them, so the header counts what is written. */
export function emitHost(plan: HostPlan, names: PublishedNames, mode: DnsmasqMode, sink: Sink): void {
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
