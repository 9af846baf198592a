import { tryParseAddress } from "@/lib/ipam";
import { fqdnOf } from "@/lib/schemas/dns";
import { inPoolWithoutMac } from "@/lib/services/integrity/address-space-rules";
import { isCanonicalAddress, isColonMac, isHostname, type CheckedNetwork } from "@/plugins/dnsmasq/checks";
import type { DnsmasqMode, HostRecord } from "@/plugins/dnsmasq/types";
import { FirstOwners } from "@/plugins/export/first-owners";

// What one host could contribute to the file, before the names of other
// hosts are known (plugins/dnsmasq/names.ts decides those). Deterministic
// given the MAC owners, so a host planned again reaches the same decisions.

/** The statuses whose hosts get records (with a hostname); the exports' read leaves out the others (lib/db/raw/dnsmasq-export.ts). */
export const PUBLISHED_STATUS_LIST = ["active", "reserved"] as const;
const PUBLISHED_STATUSES = new Set<string>(PUBLISHED_STATUS_LIST);

/** Why something was left out, without quoting stored values; `kind` picks its header count. */
export interface Note { kind: "invalid" | "conflicting" | "short"; text: string }

/** A name the host claims: its FQDN identity and the short form dnsmasq may also publish. */
export interface PlannedName { fqdn: string; short: string | null }

/** The hostname is the plan's own PlannedName: `short` equals `fqdn` for a bare name without a domain. */
export interface HostPlan extends PlannedName {
  id: number;
  ip: string;
  roundRobin: boolean;
  /** Valid aliases, each once, none equal to the host's own FQDN. */
  aliases: PlannedName[];
  dhcp: { mac: string; ip: string; family: number } | null;
  notes: Note[];
}

/**
 * Per-file state: the host each MAC is reserved for, per family (dnsmasq
 * cannot give one MAC two IPv4 leases); the first host to ask keeps it.
 * Asking again answers the same owner, so a host planned a second time (an
 * export re-plans the few hosts whose names are contested) gets the same
 * decision. Keys are the MAC's 48 bits, not its text: 12 bytes a host.
 */
export class MacOwners {
  private owners = new FirstOwners(1 << 12);

  /** The host that holds colon-form `mac` in `family` once `hostId` has asked: `hostId` when it is the first. */
  claim(family: number, mac: string, hostId: number): number {
    return this.owners.claim(macValue(mac) + (family === 6 ? 2 ** 48 : 0), hostId);
  }
}

/** For rows that cannot share a MAC: every host is the first to ask for its own. */
class UniqueMacs extends MacOwners {
  override claim(_family: number, _mac: string, hostId: number): number {
    return hostId;
  }
}

/**
 * `unique`: the source guarantees no two hosts of one family have the same
 * MAC text (the hosts table's unique index on (family, mac_address); a
 * usable MAC is matched by its exact text), so there is nothing to remember:
 * 24 bytes a host saved, ~30 MB at 1,200,000 hosts.
 */
export const newMacOwners = (unique = false): MacOwners => (unique ? new UniqueMacs() : new MacOwners());

/** A lower-case hex digit's value (isColonMac checked the text). */
const hexDigit = (code: number) => (code <= 57 ? code - 48 : code - 87);

/** The 48 bits of a checked colon-form MAC ("52:54:00:00:00:01"), read in place. */
function macValue(mac: string): number {
  let value = 0;
  for (let i = 0; i < 17; i += 3) value = value * 256 + hexDigit(mac.charCodeAt(i)) * 16 + hexDigit(mac.charCodeAt(i + 1));
  return value;
}

const NO_NOTES: Note[] = [];
const NO_ALIASES: PlannedName[] = [];
const NO_ENDS: CheckedNetwork["reservedEnds"] = [];

function addNote(plan: HostPlan, kind: Note["kind"], text: string): void {
  if (plan.notes === NO_NOTES) plan.notes = [];
  plan.notes.push({ kind, text });
}

/** A host that gets nothing at all, with the reason. */
export interface SkippedHost { skipped: Note }

const skipped = (id: number, kind: Note["kind"], reason: string): SkippedHost => ({ skipped: { kind, text: `skipped host ${id}: ${reason}` } });

function parseAliases(plan: HostPlan, cname: string, domain: string | null, mode: DnsmasqMode): void {
  const seen = new Set<string>([plan.fqdn]);
  const list = cname.split(",");
  for (let i = 0; i < list.length; i++) {
    const alias = list[i];
    const qualified = domain !== null && !alias.includes(".");
    if (!isHostname(alias) || (qualified ? alias.length + domain.length + 1 : alias.length) > 253) {
      if (mode !== "dhcp") addNote(plan, "invalid", `host ${plan.id}: alias ${i + 1} left out: not a valid DNS name`);
      continue;
    }
    const fqdn = fqdnOf(alias, domain);
    if (fqdn === plan.fqdn) {
      if (mode !== "dhcp") addNote(plan, "invalid", `host ${plan.id}: alias ${fqdn} left out: it is the host's own name`);
    } else if (!seen.has(fqdn)) {
      seen.add(fqdn);
      if (plan.aliases === NO_ALIASES) plan.aliases = [];
      plan.aliases.push({ fqdn, short: qualified ? alias : null });
    }
  }
}

/**
 * Null when the host gets no records at all (inactive, unnamed): by design,
 * not worth a note. Runs once per host per export: kept allocation-light.
 */
export function planHost(host: HostRecord, network: CheckedNetwork | undefined, mode: DnsmasqMode, macs: MacOwners): HostPlan | SkippedHost | null {
  const name = host.hostname;
  if (!name || !PUBLISHED_STATUSES.has(host.status)) return null;
  if (!isCanonicalAddress(host.ipAddress, host.family)) return skipped(host.id, "invalid", "IP address is not valid");
  if (!isHostname(name)) return skipped(host.id, "invalid", "hostname is not a valid DNS name");
  const domain = network?.domain ?? null;
  const fqdn = fqdnOf(name, domain);
  if (fqdn.length > 253) return skipped(host.id, "invalid", "hostname with its domain is longer than 253 characters");
  // Canonical text on both sides: equal text is the same address.
  for (const r of network?.reservedEnds ?? NO_ENDS) {
    if (r.text === host.ipAddress) return skipped(host.id, "invalid", `its address is the ${r.end} address of its network`);
  }
  const mac = host.macAddress !== null && isColonMac(host.macAddress) ? host.macAddress : null;
  // A dashed or otherwise unusable MAC gets no dhcp-host, so it is no reservation either.
  if (network?.poolRange && !mac && inPoolWithoutMac(network.poolRange, tryParseAddress(host.ipAddress)!.value, mac)) {
    return skipped(host.id, "conflicting", "inside its network's DHCP pool without a usable MAC address (dnsmasq may lease the address to another client)");
  }
  // A dotted hostname is published as written, plus its first label as the short name.
  const dot = name.indexOf(".");
  const short = dot < 0 ? name : name.slice(0, dot);
  const plan: HostPlan = {
    id: host.id, ip: host.ipAddress, fqdn, short: dot < 0 || isHostname(short) ? short : null, roundRobin: host.allowDuplicateName, aliases: [], dhcp: null, notes: NO_NOTES,
  };
  if (host.cname) parseAliases(plan, host.cname, domain, mode);
  if (mode !== "dns" && host.macAddress) {
    const owner = mac ? macs.claim(host.family, mac, host.id) : host.id;
    if (!mac) addNote(plan, "invalid", `host ${host.id}: no dhcp-host: MAC address is not in aa:bb:cc:dd:ee:ff form`);
    else if (owner !== host.id) addNote(plan, "conflicting", `host ${host.id}: no dhcp-host: its MAC address is already reserved for host ${owner}`);
    else plan.dhcp = { mac, ip: host.ipAddress, family: host.family };
  }
  return plan;
}
