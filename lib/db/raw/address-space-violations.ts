import "server-only";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { inList, jsonCell, jsonRows } from "./dialect";
import { queryRows } from "./read-connection";

// Reads for the start-up check of the address-space model
// (lib/services/integrity/find-address-space-violations.ts). Each is driven
// by the networks (few) and probes hosts through an index: hosts(network_id,
// ip_key), hosts(ip_key), hosts(network_id, status). Lists of probes travel
// as one JSON text, so any number of them is one statement with one
// parameter. Outside a transaction they run on the read connection.

export interface IntegrityNetworkRow {
  id: number;
  network: string;
  cidr: number;
  family: number;
  status: string;
  domain: string | null;
  dhcp_start: string | null;
  dhcp_end: string | null;
}

export interface IntegrityHostRow { id: number; ip_address: string; network_id: number }

export interface NamedHostRow {
  id: number;
  hostname: string | null;
  cname: string | null;
  allow_duplicate_name: number | boolean;
  network_id: number | null;
}

const hostRows = (rows: Array<Record<string, unknown>>): IntegrityHostRow[] =>
  rows.map((r) => ({ id: Number(r.id), ip_address: String(r.ip_address), network_id: Number(r.network_id) }));

export async function integrityNetworks(tx?: Tx): Promise<IntegrityNetworkRow[]> {
  const rows = await queryRows<Record<string, unknown>>(tx, Prisma.sql`
    SELECT id, network, cidr, family, status, domain, dhcp_start, dhcp_end FROM networks ORDER BY start_key, cidr`);
  return rows.map((r) => ({
    id: Number(r.id), network: String(r.network), cidr: Number(r.cidr), family: Number(r.family), status: String(r.status), domain: (r.domain as string | null) ?? null,
    dhcp_start: (r.dhcp_start as string | null) ?? null, dhcp_end: (r.dhcp_end as string | null) ?? null,
  }));
}

/** Hosts without a MAC whose network is `network_id` and whose key is in [lo, hi], for each probe. */
export async function hostsWithoutMacIn(probes: ReadonlyArray<{ networkId: number; lo: string; hi: string }>, tx?: Tx): Promise<IntegrityHostRow[]> {
  if (probes.length === 0) return [];
  const json = JSON.stringify(probes.map((p) => [p.networkId, p.lo, p.hi]));
  return hostRows(await queryRows(tx, Prisma.sql`
    SELECT h.id, h.ip_address, h.network_id FROM ${jsonRows(json, "j")}
    JOIN hosts h ON h.network_id = ${jsonCell("j", 0, "int")}
      AND h.ip_key BETWEEN ${jsonCell("j", 1, "text")} AND ${jsonCell("j", 2, "text")}
    WHERE h.mac_address IS NULL OR h.mac_address = ''
    ORDER BY h.id`));
}

/** Hosts of network `network_id` whose key is exactly `key`, for each probe. */
export async function hostsAtKeys(probes: ReadonlyArray<{ networkId: number; key: string }>, tx?: Tx): Promise<IntegrityHostRow[]> {
  if (probes.length === 0) return [];
  const json = JSON.stringify(probes.map((p) => [p.networkId, p.key]));
  return hostRows(await queryRows(tx, Prisma.sql`
    SELECT h.id, h.ip_address, h.network_id FROM ${jsonRows(json, "j")}
    JOIN hosts h ON h.ip_key = ${jsonCell("j", 1, "text")} AND h.network_id = ${jsonCell("j", 0, "int")}
    ORDER BY h.id`));
}

/** Hosts whose most specific network is one of `networkIds`. */
export async function hostsInNetworks(networkIds: readonly number[], tx?: Tx): Promise<IntegrityHostRow[]> {
  if (networkIds.length === 0) return [];
  return hostRows(await queryRows(tx, Prisma.sql`
    SELECT id, ip_address, network_id FROM hosts WHERE network_id IN (${inList(networkIds, "int")})
    ORDER BY id`));
}

/**
 * Up to `limit` hosts with a hostname or alias and id after `afterId`, by id
 * (the caller knows every network's domain: no join per row; rows as SQLite
 * returns them, since a million of them are read).
 */
export function namedHostsAfter(afterId: number, limit: number, tx?: Tx): Promise<NamedHostRow[]> {
  return queryRows<NamedHostRow>(tx, Prisma.sql`
    SELECT id, hostname, cname, allow_duplicate_name, network_id FROM hosts
    WHERE id > ${afterId} AND (hostname IS NOT NULL OR cname IS NOT NULL)
    ORDER BY id LIMIT ${limit}`);
}
