import { isCanonicalAddress, isColonMac, isHostname, type CheckedNetwork } from "@/plugins/dnsmasq/checks";
import type { DnsmasqMode, HostRecord } from "@/plugins/dnsmasq/types";

// What one host contributes to the file. Pure and deterministic, so the
// renderer's counting pass and writing pass reach the same decisions.

const PUBLISHED_STATUSES = new Set(["active", "reserved"]);

export interface HostPlan {
  /** host-record names (FQDN first), or null in dhcp mode. */
  names: string[] | null;
  /** The cname target: the host's FQDN. */
  target: string;
  /** Alias names to publish if no host name or earlier alias has them. */
  aliases: string[];
  dhcp: { mac: string; ip: string; family: number; name: string | null } | null;
  /** Why parts were left out, without quoting stored values. */
  comments: string[];
}

/** Per-file state, [IPv4, IPv6] MAC → host id: one MAC per family (dnsmasq cannot give one MAC two IPv4 leases). */
export type MacOwners = [Map<string, number>, Map<string, number>];
export const newMacOwners = (): MacOwners => [new Map(), new Map()];

const NO_COMMENTS: string[] = [];

function addComment(plan: HostPlan, text: string): void {
  if (plan.comments === NO_COMMENTS) plan.comments = [text];
  else plan.comments.push(text);
}

function skipped(id: number, reason: string): HostPlan {
  return { names: null, target: "", aliases: [], dhcp: null, comments: [`skipped host ${id}: ${reason}`] };
}

/** "www" in lab.example → www.lab.example and www; a dotted name stays as written. */
function qualify(name: string, domain: string | null, into: string[]): void {
  if (domain && !name.includes(".")) into.push(`${name}.${domain}`, name);
  else into.push(name);
}

/**
 * Null when the host gets no records at all (inactive, unnamed): by design,
 * not worth a comment. Runs twice per host per export: kept allocation-light.
 */
export function planHost(host: HostRecord, network: CheckedNetwork | undefined, mode: DnsmasqMode, macs: MacOwners): HostPlan | null {
  const name = host.hostname;
  if (!name || !PUBLISHED_STATUSES.has(host.status)) return null;
  if (!isCanonicalAddress(host.ipAddress, host.family)) return skipped(host.id, "IP address is not valid");
  if (!isHostname(name)) return skipped(host.id, "hostname is not a valid DNS name");
  const domain = network?.domain ?? null;
  const dotted = name.includes(".");
  const fqdn = domain && !dotted ? `${name}.${domain}` : name;
  if (fqdn.length > 253) return skipped(host.id, "hostname with its domain is longer than 253 characters");
  // A dotted hostname is published as written, plus its first label as the short name.
  const short = dotted ? name.slice(0, name.indexOf(".")) : name;
  const shortName = !dotted || isHostname(short) ? short : null;
  const plan: HostPlan = { names: null, target: fqdn, aliases: [], dhcp: null, comments: NO_COMMENTS };
  if (mode !== "dhcp") {
    plan.names = shortName && shortName !== fqdn ? [fqdn, shortName] : [fqdn];
    if (host.cname) {
      const aliases: string[] = [];
      const list = host.cname.split(",");
      for (let i = 0; i < list.length; i++) {
        const alias = list[i];
        if (isHostname(alias) && (domain && !alias.includes(".") ? alias.length + domain.length + 1 : alias.length) <= 253) qualify(alias, domain, aliases);
        else addComment(plan, `host ${host.id}: alias ${i + 1} left out: not a valid DNS name`);
      }
      plan.aliases = aliases.length > 1 ? [...new Set(aliases)] : aliases;
    }
  }
  if (mode !== "dns" && host.macAddress) {
    const owners = macs[host.family === 6 ? 1 : 0];
    const owner = owners.get(host.macAddress);
    if (!isColonMac(host.macAddress)) addComment(plan, `host ${host.id}: no dhcp-host: MAC address is not in aa:bb:cc:dd:ee:ff form`);
    else if (owner !== undefined) addComment(plan, `host ${host.id}: no dhcp-host: its MAC address is already reserved for host ${owner}`);
    else {
      owners.set(host.macAddress, host.id);
      plan.dhcp = { mac: host.macAddress, ip: host.ipAddress, family: host.family, name: shortName };
    }
  }
  return plan;
}

/**
 * Which aliases of a host can be published. dnsmasq lets a cname replace a
 * host-record of the same name and refuses a repeated cname, so a name that
 * is a host name, or already an earlier host's alias, stays out.
 */
export function publishAliases(
  hostId: number, candidates: readonly string[], hostNames: ReadonlySet<string>, claimed: Map<string, number>,
): { published: string[]; comments: string[] } {
  const published: string[] = [];
  const comments: string[] = [];
  for (const alias of candidates) {
    const owner = claimed.get(alias);
    if (hostNames.has(alias)) comments.push(`host ${hostId}: alias ${alias} left out: it is a host name`);
    else if (owner !== undefined) comments.push(`host ${hostId}: alias ${alias} left out: already an alias of host ${owner}`);
    else {
      claimed.set(alias, hostId);
      published.push(alias);
    }
  }
  return { published, comments };
}
