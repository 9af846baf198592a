import "server-only";
import { NameClaims } from "@/lib/services/integrity/name-claims";
import type { CheckedNetwork } from "@/plugins/dnsmasq/checks";
import { newMacOwners, planHost, type HostPlan, type SkippedHost } from "@/plugins/dnsmasq/host-plan";
import { claimNames, namePublisher, ShortNames, uncontestedNames, type PublishedNames } from "@/plugins/dnsmasq/names";
import type { DnsmasqMode, DnsmasqSource, HostRecord } from "@/plugins/dnsmasq/types";
import { stringKey } from "@/plugins/export/first-owners";
import { LabelLog } from "@/plugins/export/label-log";
import { Spool, type Splice } from "@/plugins/export/spool";

// One read of the hosts for the dnsmasq and /etc/hosts files, in constant
// memory. Which names a host publishes depends on every other host (a name
// shared with a lower host id read later is lost; a short name two FQDNs use
// is left out), so the old renderers read every host twice. Here each host
// is planned once and written at once as if none of its names were shared,
// into a spool (the header's counts come last). Every name and short name
// is a first DNS label, so a log of first labels (plugins/export/label-log.ts:
// a hash and the host, 8 bytes a name, sorted once) tells which hosts MAY share one: the
// "candidates" (hosts with a common first label, usually a handful; a hash
// collision only adds two). After the read, the candidates alone are re-read
// by id, re-planned (the MAC owners answer as before), and decided exactly
// by NameClaims/ShortNames, which hold every holder of any shared name; their
// text is spliced over what was written for them.

/** How a renderer turns one host into lines; `tally` is +1 for written text, -1 to take back a guess. */
export interface HostWriter {
  skipped(host: HostRecord, skipped: SkippedHost, out: string[]): void;
  planned(host: HostRecord, plan: HostPlan, names: PublishedNames, out: string[] | null, tally: 1 | -1): void;
}

export interface HostPass {
  spool: Spool;
  splices: Splice[];
  /** The exact claims among the candidates: every name more than one host claims. */
  claims: NameClaims;
}

/** Growable per-host columns: id, and where its text starts and how long it is. */
class Written {
  ids = new Int32Array(1 << 12);
  starts = new Float64Array(1 << 12);
  lengths = new Int32Array(1 << 12);
  count = 0;

  add(id: number, start: number): number {
    if (this.count === this.ids.length) {
      const grow = <A extends Int32Array | Float64Array>(a: A): A => {
        const b = new (a.constructor as new (n: number) => A)(a.length * 2);
        b.set(a);
        return b;
      };
      this.ids = grow(this.ids);
      this.starts = grow(this.starts);
      this.lengths = grow(this.lengths);
    }
    this.ids[this.count] = id;
    this.starts[this.count] = start;
    return this.count++;
  }
}

/** Hosts that may share a name: those whose names' first labels another host (or another of its own names) also has. */
class Candidates {
  private labels = new LabelLog();
  readonly ordinals = new Set<number>();

  register(ordinal: number, plan: HostPlan): void {
    const first = labelKey(plan.fqdn);
    this.labels.add(first, ordinal);
    if (plan.aliases.length === 0) return;
    const seen = [first];
    for (const alias of plan.aliases) {
      const label = labelKey(alias.fqdn);
      // Two of a host's own names with one first label may make a short name ambiguous (equal keys: maybe one label).
      if (seen.includes(label)) this.ordinals.add(ordinal);
      else {
        seen.push(label);
        this.labels.add(label, ordinal);
      }
    }
  }

  /** Every candidate, ascending; call once, after the last host. */
  sorted(): number[] {
    this.labels.sharedInto(this.ordinals);
    return [...this.ordinals].sort((a, b) => a - b);
  }
}

/** The key of a name's first label (the whole name when it has no dot). */
const labelKey = (fqdn: string) => {
  const dot = fqdn.indexOf(".");
  return stringKey(fqdn, dot < 0 ? fqdn.length : dot);
};

/**
 * Reads `source.hosts()` once, writing each batch's lines to a spool;
 * answers the spool, the splices for the candidates and their exact claims.
 * The caller closes the spool.
 */
export async function hostPass(source: DnsmasqSource, checked: ReadonlyMap<number, CheckedNetwork>, mode: DnsmasqMode, writer: HostWriter): Promise<HostPass> {
  const spool = new Spool();
  try {
    const macs = newMacOwners(source.uniqueMacs);
    const written = new Written();
    const candidates = new Candidates();
    for await (const batch of source.hosts(true)) {
      const out: string[] = [];
      let length = 0;
      for (const host of batch) {
        const plan = planHost(host, checked.get(host.networkId ?? -1), mode, macs);
        if (!plan) continue;
        const before = out.length;
        if ("skipped" in plan) writer.skipped(host, plan, out);
        else {
          const ordinal = written.add(host.id, spool.size + length);
          candidates.register(ordinal, plan);
          writer.planned(host, plan, uncontestedNames(plan, mode), out, 1);
          for (let i = before; i < out.length; i++) length += out[i].length + 1;
          written.lengths[ordinal] = spool.size + length - written.starts[ordinal];
          continue;
        }
        for (let i = before; i < out.length; i++) length += out[i].length + 1;
      }
      if (out.length) spool.write(`${out.join("\n")}\n`);
    }
    const { splices, claims } = await decideCandidates(source, checked, mode, writer, macs, written, candidates.sorted());
    return { spool, splices, claims };
  } catch (error) {
    spool.close();
    throw error;
  } finally {
    await source.release?.();
  }
}

async function decideCandidates(
  source: DnsmasqSource, checked: ReadonlyMap<number, CheckedNetwork>, mode: DnsmasqMode, writer: HostWriter,
  macs: ReturnType<typeof newMacOwners>, written: Written, ordinals: number[],
): Promise<{ splices: Splice[]; claims: NameClaims }> {
  const claims = new NameClaims();
  if (ordinals.length === 0) return { splices: [], claims };
  const rows = new Map((await source.hostsById(ordinals.map((o) => written.ids[o]))).map((r) => [r.id, r]));
  const shorts = new ShortNames();
  const planned: Array<{ ordinal: number; host: HostRecord; plan: HostPlan }> = [];
  for (const ordinal of ordinals) {
    const host = rows.get(written.ids[ordinal]);
    // Gone since the read (a filtered export reads without one snapshot): its text stays as written.
    if (!host) continue;
    const plan = planHost(host, checked.get(host.networkId ?? -1), mode, macs);
    if (!plan || "skipped" in plan) continue;
    planned.push({ ordinal, host, plan });
    claimNames(plan, claims, shorts);
  }
  const publish = namePublisher(claims, shorts);
  const splices: Splice[] = [];
  for (const { ordinal, host, plan } of planned) {
    writer.planned(host, plan, uncontestedNames(plan, mode), null, -1);
    const out: string[] = [];
    writer.planned(host, plan, publish(plan, mode), out, 1);
    splices.push({ start: written.starts[ordinal], length: written.lengths[ordinal], text: out.length ? `${out.join("\n")}\n` : "" });
  }
  return { splices, claims };
}
