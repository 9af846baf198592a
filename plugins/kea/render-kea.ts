import type { CheckedNetwork } from "@/plugins/dnsmasq/checks";
import type { Note } from "@/plugins/dnsmasq/host-plan";
import type { DnsmasqSource } from "@/plugins/dnsmasq/types";
import { configNetworks } from "@/plugins/export/config-networks";
import { GroupedSpool, splitLines } from "@/plugins/export/grouped-spool";
import { hostPass, type HostWriter } from "@/plugins/export/host-pass";
import { TEXT_READ_SIZE } from "@/plugins/export/spool";
import type { KeaFormat } from "@/plugins/kea/kea-query";
import * as k from "@/plugins/kea/kea-lines";

// kea-dhcp4 / kea-dhcp6 configuration: one subnet per network with a DHCP
// pool or reservations, its `id` the network's id (Kea 2.6+ requires one,
// and a stable id keeps leases attached across exports). What is written is
// decided exactly as for the dnsmasq DHCP file: plugins/dnsmasq/host-plan.ts
// per host (valid names and addresses, one MAC per family, the address-space
// model's pool rules) and NameClaims for who keeps a shared name. A
// reservation's hostname is the host's FQDN (hostname + its network's domain).
//
// One read of the hosts in constant memory (issue 15.4). The file is ordered
// by subnet, and a parent network's hosts come before and after its
// children's in address order, so each host's lines are first written in
// read order, tagged with their group, by the one-pass machinery of the
// dnsmasq file (plugins/export/host-pass.ts: the few hosts that may share a
// name are decided at the end and their text spliced in); then that text is
// sorted into groups on disk (plugins/export/grouped-spool.ts) and the file
// is written subnet by subnet. The header's counts come from the groups.
//
// Groups: "g1"/"g2" notes that go to the top (hosts in no network; as they
// are read / once names are decided), "n:<id>"/"m:<id>" a network's host
// notes (the same two stages: a host's own notes, then its name notes after
// every host's), "r:<id>" a network's reservations. A tagged line is
// `group TAB kind TAB text`, kind i(nvalid)/c(onflicting) for notes, "-" for a reservation.

export interface KeaOptions {
  family: 4 | 6;
  format: KeaFormat;
  /** Canonical addresses of this family (DHCP_DNS_SERVERS). */
  dnsServers: readonly string[];
  /** interfaces-config.interfaces (format=config). */
  interfaces: readonly string[];
  now?: Date;
}

const CHUNK = 2000;

/** A subnet's pool (none when it overlaps a child network) and its network's notes (also the two-pass test oracle's). */
export function subnetPool(n: CheckedNetwork, poolOverlaps: ReadonlyMap<number, number>): { notes: Note[]; pool: CheckedNetwork["pool"] } {
  const notes: Note[] = n.problems.map((p) => ({ kind: "invalid", text: `network ${n.id}: ${p}` }));
  const child = poolOverlaps.get(n.id);
  if (!n.pool || child === undefined) return { notes, pool: n.pool };
  notes.push({ kind: "conflicting", text: `network ${n.id}: pool left out: its DHCP pool overlaps child network ${child}` });
  return { notes, pool: null };
}

/** A subnet's option-data lines (also the two-pass test oracle's). */
export function subnetOptions(n: CheckedNetwork, family: 4 | 6, dnsServers: readonly string[]): string[] {
  const out: string[] = [];
  if (family === 4 && n.gateway) out.push(k.optionLine("routers", n.gateway));
  // DHCPv6 has no domain-name option: the search list (option 24) carries the domain.
  if (n.domain) out.push(k.optionLine(family === 4 ? "domain-name" : "domain-search", n.domain));
  if (dnsServers.length) out.push(k.optionLine(family === 4 ? "domain-name-servers" : "dns-servers", dnsServers.join(", ")));
  return out;
}

type Kind = "invalid" | "conflicting";
const KIND_TAG: Record<Note["kind"], string> = { invalid: "i", conflicting: "c", short: "s" };

/** A note as a tagged line; its text passes the Kea line guard now, as it will when written. */
function tagged(group: string, note: Note): string {
  k.comment("", note.text);
  return `${group}\t${KIND_TAG[note.kind]}\t${note.text}`;
}

/** Notes of a network's hosts, or of hosts in no network. */
const hostNotes = (networkId: number | null) => (networkId === null ? "g1" : `n:${networkId}`);
const nameNotes = (networkId: number | null) => (networkId === null ? "g2" : `m:${networkId}`);

/** Writes each host's tagged lines (plugins/export/host-pass.ts calls it once per host, and again for a contested one). */
function keaWriter(family: 4 | 6, checked: ReadonlyMap<number, CheckedNetwork>, ownIds: ReadonlySet<number>): HostWriter {
  return {
    skipped(host, plan, out) {
      if (host.family === family) out.push(tagged(hostNotes(host.networkId), plan.skipped));
    },
    planned(host, plan, names, out) {
      // Every host claims its names, whatever its family (host-pass does that): names are one space (docs/address-space.md).
      if (!out || host.family !== family) return;
      const networkId = host.networkId;
      for (const n of plan.notes) out.push(tagged(hostNotes(networkId), n));
      if (!plan.dhcp) return;
      // The FQDN is the reservation's name, so "short name not unique" does not apply here.
      for (const n of names.notes) if (n.kind !== "short") out.push(tagged(nameNotes(networkId), n));
      if (networkId === null || !checked.has(networkId) || !ownIds.has(networkId)) {
        const why = networkId === null ? "its address is in no network" : !checked.has(networkId) ? "its network is not valid" : "its network is not in this export";
        out.push(tagged("g2", { kind: "invalid", text: `host ${plan.id}: no reservation: ${why}` }));
        return;
      }
      const line = k.reservationLine(family, { mac: plan.dhcp.mac, ip: plan.dhcp.ip, hostname: names.names ? plan.fqdn : null });
      out.push(`r:${networkId}\t-\t${line}`);
    },
  };
}

/** What the top of the file or a subnet says before its records: literal notes, then groups of notes. */
interface NoteList { notes: Note[]; groups: string[] }

interface Subnet extends NoteList {
  network: CheckedNetwork;
  pool: { start: string; end: string } | null;
  reservations: number;
}

/** The host pass sorted into groups, with each group's note counts and the order in which networks first had a note. */
async function groupLines(source: DnsmasqSource, family: 4 | 6, checked: ReadonlyMap<number, CheckedNetwork>, ownIds: ReadonlySet<number>) {
  const { spool, splices } = await hostPass(source, checked, "dhcp", keaWriter(family, checked, ownIds));
  const groups = new GroupedSpool();
  const counts = new Map<string, Record<Kind, number>>();
  const firstHostNote = new Set<string>();
  const firstNameNote = new Set<string>();
  try {
    for await (const lines of splitLines(spool.replay(splices, TEXT_READ_SIZE))) {
      for (const line of lines) {
        const tab = line.indexOf("\t");
        const group = line.slice(0, tab);
        const kind = line.charCodeAt(tab + 1);
        if (kind !== 45 /* - */) {
          let c = counts.get(group);
          if (!c) counts.set(group, (c = { invalid: 0, conflicting: 0 }));
          if (kind === 105 /* i */) c.invalid++;
          else if (kind === 99 /* c */) c.conflicting++;
          const id = group.slice(2);
          if (group.startsWith("n:")) firstHostNote.add(id);
          else if (group.startsWith("m:")) firstNameNote.add(id);
        }
        groups.append(group, line.slice(tab + 3));
      }
    }
  } catch (error) {
    groups.close();
    throw error;
  } finally {
    spool.close();
  }
  // The old renderer's order for notes of networks outside the export: first noted while reading, then first noted once names were decided.
  const noted = [...firstHostNote, ...[...firstNameNote].filter((id) => !firstHostNote.has(id))].map(Number);
  return { groups, counts, noted };
}

/** The subnets to write (address order) and what goes at the top of the file. */
function planSubnets(own: ReturnType<typeof configNetworks>["own"], poolOverlaps: ReadonlyMap<number, number>, family: 4 | 6, groups: GroupedSpool, noted: number[]) {
  const general: NoteList[] = [{ notes: [], groups: ["g1", "g2"] }];
  const subnets: Subnet[] = [];
  const placed = new Set<number>();
  const ofHosts = (id: number) => [`n:${id}`, `m:${id}`];
  for (const n of own) {
    placed.add(n.id);
    if ("invalid" in n) {
      general.push({ notes: [{ kind: "invalid", text: `skipped network ${n.id}: its prefix is not valid` }], groups: ofHosts(n.id) });
      continue;
    }
    if (n.prefix.family !== family) continue;
    const { notes, pool } = subnetPool(n, poolOverlaps);
    const reservations = groups.count(`r:${n.id}`);
    if (pool || reservations) subnets.push({ network: n, pool, reservations, notes, groups: ofHosts(n.id) });
    else general.push({ notes, groups: ofHosts(n.id) });
  }
  // Hosts of networks outside the export (a filter chose the hosts, not their network) still say why they are left out.
  for (const id of noted) if (!placed.has(id)) general.push({ notes: [], groups: ofHosts(id) });
  return { general, subnets };
}

function header(options: KeaOptions, subnets: Subnet[], general: NoteList[], counts: ReadonlyMap<string, Record<Kind, number>>): string[] {
  const count = (kind: Kind) => [...general, ...subnets].reduce((sum, list) =>
    sum + list.notes.filter((n) => n.kind === kind).length + list.groups.reduce((a, g) => a + (counts.get(g)?.[kind] ?? 0), 0), 0);
  return headerComments(options, {
    subnets: subnets.length, pools: subnets.filter((s) => s.pool).length, reservations: subnets.reduce((a, s) => a + s.reservations, 0),
    invalid: count("invalid"), conflicting: count("conflicting"),
  });
}

/** The file's header comments from its counts (also the two-pass test oracle's). */
export function headerComments(
  options: Pick<KeaOptions, "family" | "format" | "now">,
  c: { subnets: number; pools: number; reservations: number; invalid: number; conflicting: number },
): string[] {
  const v = `DHCPv${options.family}`;
  const key = options.family === 4 ? "subnet4" : "subnet6";
  return [
    options.format === "config" ? `Kea ${v} configuration exported by IPAM (kea-dhcp${options.family} -c <file>)` :
      `Kea ${v} subnets exported by IPAM: in Dhcp${options.family}, make this file the value of "${key}" with Kea's include directive`,
    `Generated: ${(options.now ?? new Date()).toISOString()}`,
    `Subnets: ${c.subnets} (id = the network's id), pools: ${c.pools}, reservations: ${c.reservations}`,
    `Left out as invalid: ${c.invalid}, as conflicting: ${c.conflicting} (each noted; a name shared by hosts that are not all round-robin stays with the lowest host id)`,
    "Reservations are for active and reserved hosts with a hostname and a MAC address; inactive hosts and hosts without a hostname get none.",
  ].map((text) => k.comment("", text));
}

/** A note list as comment lines at `indent`, in chunks. */
async function* noteLines(list: NoteList, indent: string, groups: GroupedSpool): AsyncGenerator<string[]> {
  if (list.notes.length) yield list.notes.map((n) => k.comment(indent, n.text));
  for (const g of list.groups) for await (const texts of groups.lines(g)) yield texts.map((text) => k.comment(indent, text));
}

async function* subnetLines(s: Subnet, family: 4 | 6, dnsServers: readonly string[], indent: string, last: boolean, groups: GroupedSpool): AsyncGenerator<string[]> {
  yield* noteLines(s, indent, groups);
  const i2 = `${indent}  `;
  const lines: string[] = [k.safe(`${indent}{`), k.member(i2, "id", String(s.network.id)), k.member(i2, "subnet", JSON.stringify(s.network.text), false)];
  const members: Array<[string, string[]]> = [];
  if (s.pool) members.push(["pools", [k.poolLine(s.pool.start, s.pool.end)]]);
  const opts = subnetOptions(s.network, family, dnsServers);
  if (opts.length) members.push(["option-data", opts]);
  if (s.reservations) members.push(["reservations", []]);
  // "subnet" was written with a comma; without further members it must not be.
  if (!members.length) lines[lines.length - 1] = k.member(i2, "subnet", JSON.stringify(s.network.text), true);
  for (const [index, [key, items]] of members.entries()) {
    const lastMember = index === members.length - 1;
    if (key !== "reservations") {
      lines.push(k.safe(`${i2}"${key}": [`), ...k.arrayLines(`${i2}  `, items), k.safe(`${i2}]${lastMember ? "" : ","}`));
      continue;
    }
    lines.push(k.safe(`${i2}"reservations": [`));
    yield lines;
    let r = 0;
    for await (const reservations of groups.lines(`r:${s.network.id}`)) {
      const out: string[] = [];
      for (const line of reservations) out.push(k.safe(`${i2}  ${line}${++r < s.reservations ? "," : ""}`));
      yield out;
    }
    yield [k.safe(`${i2}]${lastMember ? "" : ","}`), k.safe(`${indent}}${last ? "" : ","}`)];
    return;
  }
  lines.push(k.safe(`${indent}}${last ? "" : ","}`));
  yield lines;
}

/** Joins line chunks into text chunks of about CHUNK lines. */
async function* text(chunks: AsyncIterable<string[]>): AsyncGenerator<string> {
  let pending: string[] = [];
  for await (const lines of chunks) {
    for (const line of lines) pending.push(line);
    if (pending.length >= CHUNK) {
      yield `${pending.join("\n")}\n`;
      pending = [];
    }
  }
  if (pending.length) yield `${pending.join("\n")}\n`;
}

export async function* renderKea(source: DnsmasqSource, options: KeaOptions): AsyncGenerator<string> {
  const { checked, own, poolOverlaps } = configNetworks(source);
  const { family } = options;
  const { groups, counts, noted } = await groupLines(source, family, checked, new Set(own.map((n) => n.id)));
  try {
    const { general, subnets } = planSubnets(own, poolOverlaps, family, groups, noted);
    const key = family === 4 ? "subnet4" : "subnet6";
    const config = options.format === "config";
    const indent = config ? "      " : "  ";
    async function* lines(): AsyncGenerator<string[]> {
      yield header(options, subnets, general, counts);
      for (const list of general) yield* noteLines(list, "", groups);
      yield (config ? [
        "{",
        `  "Dhcp${family}": {`,
        k.member("    ", "interfaces-config", `{ "interfaces": ${JSON.stringify(options.interfaces).replaceAll(",", ", ")} }`),
        k.member("    ", "lease-database", `{ "type": "memfile", "lfc-interval": 3600 }`),
        `    "${key}": [`,
      ] : ["["]).map(k.safe);
      for (let s = 0; s < subnets.length; s++) yield* subnetLines(subnets[s], family, options.dnsServers, indent, s === subnets.length - 1, groups);
      yield config ? ["    ]", "  }", "}"] : ["]"];
    }
    yield* text(lines());
  } finally {
    groups.close();
  }
}
