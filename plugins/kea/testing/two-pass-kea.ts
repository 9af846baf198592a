// The Kea renderer as it was before it streamed (issue 15.4): every planned
// host held until the read ends. Kept as the oracle the one-pass renderer
// (plugins/kea/render-kea.ts) must match byte for byte.
import { NameClaims } from "@/lib/services/integrity/name-claims";
import type { CheckedNetwork } from "@/plugins/dnsmasq/checks";
import { newMacOwners, planHost, type HostPlan, type Note } from "@/plugins/dnsmasq/host-plan";
import { claimNames, namePublisher, ShortNames } from "@/plugins/dnsmasq/names";
import type { DnsmasqSource } from "@/plugins/dnsmasq/types";
import { configNetworks } from "@/plugins/export/config-networks";
import * as k from "@/plugins/kea/kea-lines";
import { headerComments, subnetOptions, subnetPool, type KeaOptions } from "@/plugins/kea/render-kea";

// kea-dhcp4 / kea-dhcp6 configuration: one subnet per network with a DHCP
// pool or reservations, its `id` the network's id (Kea 2.6+ requires one,
// and a stable id keeps leases attached across exports). What is written is
// decided exactly as for the dnsmasq DHCP file: plugins/dnsmasq/host-plan.ts
// per host (valid names and addresses, one MAC per family, the address-space
// model's pool rules) and NameClaims for who keeps a shared name. A
// reservation's hostname is the host's FQDN (hostname + its network's domain).
// One read of the hosts: reservations are grouped by subnet, so they are held
// (not the text) until every host is planned; the text is streamed.


interface Subnet {
  network: CheckedNetwork;
  pool: { start: string; end: string } | null;
  reservations: k.Reservation[];
  notes: Note[];
}

const CHUNK = 2000;


/** Plans every host; returns the subnets to write (address order) and the notes that belong to no subnet. */
async function planSubnets(source: DnsmasqSource, family: 4 | 6): Promise<{ subnets: Subnet[]; general: Note[] }> {
  const { checked, own, poolOverlaps } = configNetworks(source);
  const general: Note[] = [];
  const notesOf = new Map<number, Note[]>();
  const note = (networkId: number | null, n: Note) => {
    const list = networkId === null ? general : (notesOf.get(networkId) ?? notesOf.set(networkId, []).get(networkId)!);
    list.push(n);
  };
  // Every host claims its names, whatever its family: names are one space (docs/address-space.md).
  const claims = new NameClaims();
  const shorts = new ShortNames();
  const macs = newMacOwners();
  const planned: Array<{ plan: HostPlan; networkId: number | null }> = [];
  for await (const batch of source.hosts()) {
    for (const host of batch) {
      const plan = planHost(host, checked.get(host.networkId ?? -1), "dhcp", macs);
      if (!plan) continue;
      if ("skipped" in plan) {
        if (host.family === family) note(host.networkId, plan.skipped);
        continue;
      }
      claimNames(plan, claims, shorts);
      if (host.family !== family) continue;
      for (const n of plan.notes) note(host.networkId, n);
      if (plan.dhcp) planned.push({ plan, networkId: host.networkId });
    }
  }
  const published = namePublisher(claims, shorts);
  const reservationsOf = new Map<number, k.Reservation[]>();
  const ownIds = new Set(own.map((n) => n.id));
  for (const { plan, networkId } of planned) {
    if (!plan.dhcp) continue;
    const names = published(plan, "dhcp");
    // The FQDN is the reservation's name, so "short name not unique" does not apply here.
    for (const n of names.notes) if (n.kind !== "short") note(networkId, n);
    if (networkId === null || !checked.has(networkId) || !ownIds.has(networkId)) {
      const why = networkId === null ? "its address is in no network" : !checked.has(networkId) ? "its network is not valid" : "its network is not in this export";
      note(null, { kind: "invalid", text: `host ${plan.id}: no reservation: ${why}` });
      continue;
    }
    const list = reservationsOf.get(networkId) ?? reservationsOf.set(networkId, []).get(networkId)!;
    list.push({ mac: plan.dhcp.mac, ip: plan.dhcp.ip, hostname: names.names ? plan.fqdn : null });
  }
  const subnets: Subnet[] = [];
  for (const n of own) {
    const hostNotes = notesOf.get(n.id) ?? [];
    notesOf.delete(n.id);
    if ("invalid" in n) {
      general.push({ kind: "invalid", text: `skipped network ${n.id}: its prefix is not valid` }, ...hostNotes);
      continue;
    }
    if (n.prefix.family !== family) continue;
    const { notes, pool } = subnetPool(n, poolOverlaps);
    const reservations = reservationsOf.get(n.id) ?? [];
    notes.push(...hostNotes);
    if (pool || reservations.length) subnets.push({ network: n, pool, reservations, notes });
    else general.push(...notes);
  }
  // Hosts of networks outside the export (a filter chose the hosts, not their network) still say why they are left out.
  for (const rest of notesOf.values()) general.push(...rest);
  return { subnets, general };
}

function header(options: KeaOptions, subnets: Subnet[], general: Note[]): string[] {
  const all = [...general, ...subnets.flatMap((s) => s.notes)];
  const count = (kind: Note["kind"]) => all.filter((n) => n.kind === kind).length;
  return headerComments(options, {
    subnets: subnets.length, pools: subnets.filter((s) => s.pool).length, reservations: subnets.reduce((a, s) => a + s.reservations.length, 0),
    invalid: count("invalid"), conflicting: count("conflicting"),
  });
}

async function* subnetLines(s: Subnet, family: 4 | 6, dnsServers: readonly string[], indent: string, last: boolean): AsyncGenerator<string[]> {
  const i2 = `${indent}  `;
  const lines: string[] = s.notes.map((n) => k.comment(indent, n.text));
  lines.push(k.safe(`${indent}{`), k.member(i2, "id", String(s.network.id)), k.member(i2, "subnet", JSON.stringify(s.network.text), false));
  const members: Array<[string, string[]]> = [];
  if (s.pool) members.push(["pools", [k.poolLine(s.pool.start, s.pool.end)]]);
  const opts = subnetOptions(s.network, family, dnsServers);
  if (opts.length) members.push(["option-data", opts]);
  if (s.reservations.length) members.push(["reservations", []]);
  // "subnet" was written with a comma; without further members it must not be.
  if (!members.length) lines[lines.length - 1] = k.member(i2, "subnet", JSON.stringify(s.network.text), true);
  for (const [index, [key, items]] of members.entries()) {
    const lastMember = index === members.length - 1;
    if (key !== "reservations") {
      lines.push(k.safe(`${i2}"${key}": [`), ...k.arrayLines(`${i2}  `, items), k.safe(`${i2}]${lastMember ? "" : ","}`));
      continue;
    }
    lines.push(k.safe(`${i2}"reservations": [`));
    let out = lines;
    for (let r = 0; r < s.reservations.length; r++) {
      out.push(k.safe(`${i2}  ${k.reservationLine(family, s.reservations[r])}${r < s.reservations.length - 1 ? "," : ""}`));
      if (out.length >= CHUNK) {
        yield out;
        out = [];
      }
    }
    out.push(k.safe(`${i2}]${lastMember ? "" : ","}`));
    out.push(k.safe(`${indent}}${last ? "" : ","}`));
    yield out;
    return;
  }
  lines.push(k.safe(`${indent}}${last ? "" : ","}`));
  yield lines;
}

export async function* twoPassKea(source: DnsmasqSource, options: KeaOptions): AsyncGenerator<string> {
  const { subnets, general } = await planSubnets(source, options.family);
  const key = options.family === 4 ? "subnet4" : "subnet6";
  const top = [...header(options, subnets, general), ...general.map((n) => k.comment("", n.text))];
  const config = options.format === "config";
  const indent = config ? "      " : "  ";
  if (config) {
    top.push(
      "{",
      `  "Dhcp${options.family}": {`,
      k.member("    ", "interfaces-config", `{ "interfaces": ${JSON.stringify(options.interfaces).replaceAll(",", ", ")} }`),
      k.member("    ", "lease-database", `{ "type": "memfile", "lfc-interval": 3600 }`),
      `    "${key}": [`,
    );
  } else top.push("[");
  yield `${top.map(k.safe).join("\n")}\n`;
  for (let s = 0; s < subnets.length; s++) {
    for await (const lines of subnetLines(subnets[s], options.family, options.dnsServers, indent, s === subnets.length - 1)) yield `${lines.join("\n")}\n`;
  }
  yield config ? "    ]\n  }\n}\n" : "]\n";
}
