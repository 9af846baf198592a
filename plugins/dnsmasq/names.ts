import type { NameClaims, NameVerdict } from "@/lib/services/integrity/name-claims";
import type { DnsmasqMode } from "@/plugins/dnsmasq/types";
import type { HostPlan, Note, PlannedName } from "@/plugins/dnsmasq/host-plan";

// Which of a host's planned names the file publishes, once every host's
// claims are known. FQDNs follow the model's one rule (NameClaims: round-robin
// names are shared, any other shared name stays with the lowest host id).
// Short names are a dnsmasq convenience: published only when exactly one FQDN
// in the file would use it, so `db02` in two domains never answers twice.

interface ShortOwner {
  /** The one FQDN publishing this short name; "" once two do. */
  fqdn: string;
  /** Hosts that registered it (several only for a shared FQDN). */
  hosts: number | number[];
}

/** Short name → the one FQDN using it, and the hosts that asked for a short name two FQDNs share. */
export class ShortNames {
  private owners = new Map<string, ShortOwner>();
  /** Hosts whose short name (of the hostname or an alias) is not unique. */
  readonly ambiguous = new Set<number>();

  private add(short: string, fqdn: string, hostId: number): void {
    const owner = this.owners.get(short);
    if (owner === undefined) this.owners.set(short, { fqdn, hosts: hostId });
    else if (owner.fqdn === fqdn) {
      if (typeof owner.hosts !== "number") owner.hosts.push(hostId);
      else if (owner.hosts !== hostId) owner.hosts = [owner.hosts, hostId];
    } else {
      if (owner.fqdn !== "") for (const id of typeof owner.hosts === "number" ? [owner.hosts] : owner.hosts) this.ambiguous.add(id);
      owner.fqdn = "";
      this.ambiguous.add(hostId);
    }
  }

  /** Registers a planned name: its short form, and a bare FQDN as itself (the short form of nothing else may shadow it). */
  register(name: PlannedName, hostId: number): void {
    if (name.short !== null) this.add(name.short, name.fqdn, hostId);
    if (!name.fqdn.includes(".")) this.add(name.fqdn, name.fqdn, hostId);
  }

  unique(short: string, fqdn: string): boolean {
    return this.owners.get(short)?.fqdn === fqdn;
  }
}

export interface PublishedNames {
  /** host-record names (FQDN first), or null when the host's name belongs to another host. */
  names: string[] | null;
  /** Aliases written as a cname to the host's FQDN. */
  cnames: string[];
  /** Aliases of a round-robin name: a cname would answer every holder's address, so they get this host's address directly. */
  aliasRecords: string[];
  /** The name a dhcp-host line may carry (a lease adds it to DNS), or null. */
  dhcpName: string | null;
  notes: Note[];
}

/** Records a plan's names (pass 1). */
export function claimNames(plan: HostPlan, claims: NameClaims, shorts: ShortNames): void {
  claims.claim(plan.fqdn, plan.id, plan.roundRobin);
  shorts.register(plan, plan.id);
  for (const alias of plan.aliases) {
    claims.claim(alias.fqdn, plan.id, false);
    shorts.register(alias, plan.id);
  }
}

/** The two questions publishedNames asks about other hosts' names. */
interface NameLookups {
  verdict(fqdn: string, hostId: number): NameVerdict;
  unique(short: string, fqdn: string): boolean;
}

const OWN: NameVerdict = { kind: "own" };
// A host that shares no name and no short name gets these answers anyway: no map lookups for it.
const UNCONTESTED: NameLookups = { verdict: () => OWN, unique: () => true };

/**
 * After pass 1: decides each host's published names. Only the hosts involved
 * in a shared name or short name (usually none) look anything up; the rest
 * take the same code with the answers known to hold for them.
 */
export function namePublisher(claims: NameClaims, shorts: ShortNames): (plan: HostPlan, mode: DnsmasqMode) => PublishedNames {
  const contested = new Set<number>(shorts.ambiguous);
  for (const shared of claims.sharedNames()) for (const id of shared.hostIds) contested.add(id);
  const lookups: NameLookups = { verdict: (fqdn, id) => claims.verdict(fqdn, id), unique: (short, fqdn) => shorts.unique(short, fqdn) };
  return (plan, mode) => publishedNames(plan, contested.size && contested.has(plan.id) ? lookups : UNCONTESTED, mode);
}

/** A host's names when no other host claims any of them (or their first labels): what the one pass writes before it knows. */
export function uncontestedNames(plan: HostPlan, mode: DnsmasqMode): PublishedNames {
  return publishedNames(plan, UNCONTESTED, mode);
}

const NONE: never[] = [];

function withShort(name: PlannedName, shorts: NameLookups, into: string[], notes: Note[], id: number): Note[] {
  into.push(name.fqdn);
  if (name.short === null || name.short === name.fqdn) return notes;
  if (shorts.unique(name.short, name.fqdn)) {
    into.push(name.short);
    return notes;
  }
  const note: Note = { kind: "short", text: `host ${id}: short name ${name.short} left out: not unique in this file, only ${name.fqdn} is published` };
  return notes === NONE ? [note] : (notes.push(note), notes);
}

/** The names a host publishes (pass 2, and the count after pass 1). Every name here passed the DNS checks, so notes may quote them. */
function publishedNames(plan: HostPlan, lookups: NameLookups, mode: DnsmasqMode): PublishedNames {
  const id = plan.id;
  const verdict = lookups.verdict(plan.fqdn, id);
  if (verdict.kind === "conflict") {
    const also = plan.aliases.length ? " with its aliases" : "";
    const text = `host ${id}: name ${plan.fqdn} left out${also}: it belongs to host ${verdict.owner}`;
    return { names: null, cnames: NONE, aliasRecords: NONE, dhcpName: null, notes: [{ kind: "conflicting", text }] };
  }
  const names: string[] = [];
  let notes: Note[] = withShort(plan, lookups, names, NONE, id);
  const dhcpName = plan.short !== null && names[names.length - 1] === plan.short ? plan.short : null;
  // A DHCP-only file writes no aliases, so it says nothing about them.
  if (mode === "dhcp" || plan.aliases.length === 0) return { names, cnames: NONE, aliasRecords: NONE, dhcpName, notes };
  const aliases: string[] = [];
  for (const alias of plan.aliases) {
    const v = lookups.verdict(alias.fqdn, id);
    if (v.kind !== "conflict") notes = withShort(alias, lookups, aliases, notes, id);
    else {
      const note: Note = { kind: "conflicting", text: `host ${id}: alias ${alias.fqdn} left out: the name belongs to host ${v.owner}` };
      notes = notes === NONE ? [note] : (notes.push(note), notes);
    }
  }
  const roundRobin = verdict.kind === "round-robin";
  return { names, cnames: roundRobin ? NONE : aliases, aliasRecords: roundRobin ? aliases : NONE, dhcpName, notes };
}
