import "server-only";
import { getDb, type Tx } from "@/lib/db/client";
import type { KeyRange } from "@/lib/db/raw";
import {
  deleteHostNames, deleteHostNamesInRange, hostNameClaims, hostNameSourcesById, hostNameSourcesInRange, hostNameSourcesWithoutNames,
  insertHostNames, isHostNameUniqueViolation, type HostNameRow, type HostNameSource,
} from "@/lib/db/raw/host-names";
import { AppError } from "@/lib/errors";
import { EVERY_KEY } from "@/lib/ipam";
import { fqdnOf, splitAliases } from "@/lib/schemas/dns";

// host_names holds every DNS name of every host by FQDN (docs/address-space.md
// "Names"). Its unique (fqdn, slot) index is the last guard against two hosts
// claiming one name when two writers both pass the read-before-write checks:
// an exclusive claim (an alias, or a hostname without allow_duplicate_name)
// takes slot 0, so a second one can never commit; a round-robin hostname takes
// its host's id as slot and may share its FQDN with other round-robin hostnames.
// Rows are written by the host write services (write-hosts.ts) and
// recomputed here when a network's domain or the network tree changes.

/** One name a host claims. */
export interface NameClaim { fqdn: string; kind: "hostname" | "alias"; exclusive: boolean }

/** The names a host answers to, by FQDN: its hostname, then each alias (an alias equal to the hostname adds nothing). */
export function nameClaimsOf(host: { hostname: string | null; cname: string | null; allowDuplicateName: boolean; domain: string | null }): NameClaim[] {
  const claims: NameClaim[] = [];
  if (host.hostname) claims.push({ fqdn: fqdnOf(host.hostname, host.domain), kind: "hostname", exclusive: !host.allowDuplicateName });
  if (!host.cname) return claims;
  for (const alias of splitAliases(host.cname)) {
    const fqdn = fqdnOf(alias, host.domain);
    if (!claims.some((c) => c.fqdn === fqdn)) claims.push({ fqdn, kind: "alias", exclusive: true });
  }
  return claims;
}

function rowsOf(source: HostNameSource): HostNameRow[] {
  return rowsForClaims(source.ip_key, nameClaimsOf({
    hostname: source.hostname, cname: source.cname, allowDuplicateName: source.allow_duplicate_name, domain: source.domain,
  }));
}

export function rowsForClaims(ipKey: string, claims: readonly NameClaim[]): HostNameRow[] {
  return claims.map((c) => ({ ipKey, fqdn: c.fqdn, kind: c.kind, roundRobin: !c.exclusive }));
}

/** `host 12 (10.0.0.5, web)` for messages. */
export function hostLabel(host: { id: number; ip_address: string; hostname?: string | null }): string {
  return `host ${host.id} (${host.ip_address}${host.hostname ? `, ${host.hostname}` : ""})`;
}

/** The 409 for a violated unique (fqdn, slot): names the other host, read back after the failed insert. */
async function nameConflict(tx: Tx, rows: readonly HostNameRow[]): Promise<AppError> {
  const mine = new Set(rows.map((r) => r.ipKey));
  const byFqdn = new Map<string, HostNameRow[]>();
  for (const row of rows) byFqdn.set(row.fqdn, [...(byFqdn.get(row.fqdn) ?? []), row]);
  const fieldOf = (row: HostNameRow) => (row.kind === "alias" ? "cname" : "hostname");
  for (const claim of await hostNameClaims(tx, [...byFqdn.keys()])) {
    const row = byFqdn.get(claim.fqdn)?.find((r) => !r.roundRobin || claim.slot === 0);
    if (row && !mine.has(claim.ip_key)) {
      const message = `Name "${claim.fqdn}" already belongs to ${hostLabel({ id: claim.host_id, ip_address: claim.ip_address, hostname: claim.hostname })}`;
      return new AppError("conflict", message, { [fieldOf(row)]: [message], host_id: claim.host_id });
    }
  }
  // Two hosts of the same write claim one name.
  for (const [fqdn, claims] of byFqdn) {
    const exclusive = claims.find((r) => !r.roundRobin);
    const other = exclusive && claims.find((r) => r.ipKey !== exclusive.ipKey);
    if (exclusive && other) {
      const message = `Name "${fqdn}" is claimed by two hosts of this write`;
      return new AppError("conflict", message, { [fieldOf(other)]: [message] });
    }
  }
  return new AppError("conflict", "A DNS name is already used by another host");
}

/** Inserts name rows of hosts already written; a name already claimed is 409 naming the other host. */
export async function writeHostNames(tx: Tx, rows: HostNameRow[]): Promise<void> {
  if (rows.length === 0) return;
  try {
    await insertHostNames(tx, rows);
  } catch (error) {
    if (isHostNameUniqueViolation(error)) throw await nameConflict(tx, rows);
    throw error;
  }
}

/** Recomputes the host_names rows of these hosts from their stored names and network's domain. 409 when a name is taken. */
export async function syncHostNames(tx: Tx, hostIds: number[]): Promise<void> {
  if (hostIds.length === 0) return;
  await deleteHostNames(tx, hostIds);
  await writeHostNames(tx, (await hostNameSourcesById(tx, hostIds)).flatMap(rowsOf));
}

const PAGE = 5000;

/**
 * Recomputes host_names of every host whose ip_key is in `range` (all hosts
 * without one): after a network's domain changes or the tree is recomputed.
 * Every old row of the range goes first, so hosts renamed together never
 * collide with each other's previous names.
 */
export async function resyncHostNamesInRange(tx: Tx, range: KeyRange = EVERY_KEY): Promise<void> {
  await deleteHostNamesInRange(tx, range);
  let after = EVERY_KEY.lo; // below every key: the first page starts at the range's start
  for (;;) {
    const page = await hostNameSourcesInRange(tx, range, after, PAGE);
    if (page.length === 0) return;
    await writeHostNames(tx, page.flatMap(rowsOf));
    if (page.length < PAGE) return;
    after = page[page.length - 1].ip_key;
  }
}

/**
 * Fills host_names for hosts written before the table existed. Idempotent:
 * only hosts without any row are read, and a legacy name that collides with
 * one already claimed gets no row (the first claim wins); such hosts are
 * listed at start and in the dnsmasq export by findAddressSpaceViolations.
 * Each page commits on its own, so a large upgrade never holds one long
 * write transaction. Returns the number of hosts read.
 */
export async function backfillHostNames(): Promise<number> {
  let afterId = 0;
  let total = 0;
  for (;;) {
    const page = await getDb().$transaction(async (tx) => {
      const rows = await hostNameSourcesWithoutNames(tx, afterId, PAGE);
      await insertHostNames(tx, rows.flatMap(rowsOf), true);
      return rows;
    });
    total += page.length;
    if (page.length < PAGE) return total;
    afterId = page[page.length - 1].id;
  }
}
