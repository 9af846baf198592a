import "server-only";
import type { Tx } from "@/lib/db/client";
import type { KeyRange } from "@/lib/db/raw";
import { Prisma } from "@/lib/generated/prisma/client";
import { inList, inListOrder, insertIgnoring, jsonCell, jsonRows, listTable, onPostgres } from "./dialect";
import { isUniqueViolationOf } from "./unique-violation";

// The host_names table (one row per DNS name of a host, unique (fqdn, slot)).
// Values travel as one JSON text per statement (see bulk-import.ts for why);
// lists drive their joins, so each value is one index probe.

/** What a host's names are computed from: its names, its round-robin flag and its network's domain. */
export interface HostNameSource {
  id: number;
  ip_key: string;
  hostname: string | null;
  cname: string | null;
  allow_duplicate_name: boolean;
  domain: string | null;
}

/** A name row addressed by its host's ip_key, so rows of hosts inserted by the same batch need no id read-back. */
export interface HostNameRow { ipKey: string; fqdn: string; kind: "hostname" | "alias"; roundRobin: boolean }

/** A stored claim of an FQDN, with the claiming host for messages. */
export interface HostNameClaim { host_id: number; fqdn: string; kind: string; slot: number; ip_key: string; ip_address: string; hostname: string | null }

const SOURCE_COLUMNS = Prisma.sql`h.id, h.ip_key, h.hostname, h.cname, h.allow_duplicate_name, n.domain
  FROM hosts h LEFT JOIN networks n ON n.id = h.network_id`;

const sources = (rows: Array<Record<string, unknown>>): HostNameSource[] =>
  rows.map((r) => ({
    id: Number(r.id), ip_key: String(r.ip_key), hostname: (r.hostname as string | null) ?? null, cname: (r.cname as string | null) ?? null,
    allow_duplicate_name: Boolean(Number(r.allow_duplicate_name)), domain: (r.domain as string | null) ?? null,
  }));

export async function hostNameSourcesById(tx: Tx, ids: readonly number[]): Promise<HostNameSource[]> {
  if (ids.length === 0) return [];
  return sources(await tx.$queryRaw`SELECT ${SOURCE_COLUMNS} WHERE h.id IN (${inList(ids, "int")})`);
}

/** Up to `limit` hosts in `range` with ip_key after `after`, in key order (keyset pages over a range of any size). */
export async function hostNameSourcesInRange(tx: Tx, range: KeyRange, after: string, limit: number): Promise<HostNameSource[]> {
  return sources(await tx.$queryRaw`
    SELECT ${SOURCE_COLUMNS} WHERE h.ip_key > ${after} AND h.ip_key >= ${range.lo} AND h.ip_key <= ${range.hi} ORDER BY h.ip_key LIMIT ${limit}`);
}

/** Named hosts with id after `afterId` that have no host_names row at all (the upgrade backfill). */
export async function hostNameSourcesWithoutNames(tx: Tx, afterId: number, limit: number): Promise<HostNameSource[]> {
  return sources(await tx.$queryRaw`
    SELECT ${SOURCE_COLUMNS}
    WHERE h.id > ${afterId} AND (h.hostname IS NOT NULL OR h.cname IS NOT NULL)
      AND NOT EXISTS (SELECT 1 FROM host_names x WHERE x.host_id = h.id)
    ORDER BY h.id LIMIT ${limit}`);
}

export async function deleteHostNames(tx: Tx, hostIds: readonly number[]): Promise<void> {
  if (hostIds.length) await tx.$executeRaw`DELETE FROM host_names WHERE host_id IN (${inList(hostIds, "int")})`;
}

const ROWS_PER_STATEMENT = 5000;

/**
 * Inserts name rows; the unique (fqdn, slot) index refuses a second
 * exclusive claim (slot 0; a round-robin hostname takes its host's id).
 * `ignoreConflicts` keeps the first claim and drops the rest instead (the
 * backfill of data written before the index existed).
 *
 * A refused row must leave the transaction usable, since the caller then
 * reads who holds the name: SQLite's failed statement does, but PostgreSQL
 * aborts the whole transaction. There the insert skips refused rows and a
 * short count is reported as the violation (HostNameConflict), with no
 * savepoint round trips.
 */
export async function insertHostNames(tx: Tx, rows: readonly HostNameRow[], ignoreConflicts = false): Promise<void> {
  const pg = onPostgres();
  const ignore = ignoreConflicts || pg ? insertIgnoring() : { verb: Prisma.raw("INSERT"), suffix: Prisma.empty };
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const part = rows.slice(i, i + ROWS_PER_STATEMENT);
    const chunk = JSON.stringify(part.map((r) => [r.ipKey, r.fqdn, r.kind, r.roundRobin ? 1 : 0]));
    const inserted = await tx.$executeRaw`${ignore.verb} INTO host_names (host_id, fqdn, kind, slot)
      SELECT h.id, ${jsonCell("j", 1, "text")}, ${jsonCell("j", 2, "text")}, CASE WHEN ${jsonCell("j", 3, "bool")} THEN h.id ELSE 0 END
      FROM ${jsonRows(chunk, "j")} JOIN hosts h ON h.ip_key = ${jsonCell("j", 0, "text")} ${inListOrder("j")} ${ignore.suffix}`;
    // Every row names a host just written, so a short count is rare: only then count the rows that could insert.
    if (pg && !ignoreConflicts && inserted < part.length && inserted < (await hostsOfRows(tx, part))) throw new HostNameConflict();
  }
}

/** How many of `rows` name a stored host (each such row is one insert). */
async function hostsOfRows(tx: Tx, rows: readonly HostNameRow[]): Promise<number> {
  const keys = rows.map((r) => r.ipKey);
  const [row] = await tx.$queryRaw<Array<{ n: unknown }>>`
    SELECT COUNT(*) AS n FROM ${listTable(keys, "j", "text")} JOIN hosts h ON h.ip_key = j.value`;
  return Number(row.n);
}

/** A name row refused by the unique (fqdn, slot) index on PostgreSQL (see insertHostNames). */
export class HostNameConflict extends Error {
  constructor() {
    super("duplicate key value violates unique constraint \"host_names_fqdn_slot_key\"");
    this.name = "HostNameConflict";
  }
}

/** From this many names on, a lookup first asks whether any name is stored at all. */
const GUARDED = 1000;

/** Every stored claim of any of `fqdns` (distinct names; one statement, any number of them). */
export async function hostNameClaims(tx: Tx, fqdns: readonly string[]): Promise<HostNameClaim[]> {
  if (fqdns.length === 0) return [];
  // A first import into a fresh install need not send its 100,000 names to find none.
  if (fqdns.length >= GUARDED && (await tx.$queryRaw<unknown[]>`SELECT 1 FROM host_names LIMIT 1`).length === 0) return [];
  const rows = await tx.$queryRaw<Array<Record<string, unknown>>>`
    SELECT x.host_id, x.fqdn, x.kind, x.slot, h.ip_key, h.ip_address, h.hostname
    FROM ${listTable(fqdns, "j", "text")} JOIN host_names x ON x.fqdn = j.value JOIN hosts h ON h.id = x.host_id ${inListOrder("j", "x.slot")}`;
  return rows.map((r) => ({
    host_id: Number(r.host_id), fqdn: String(r.fqdn), kind: String(r.kind), slot: Number(r.slot), ip_key: String(r.ip_key),
    ip_address: String(r.ip_address), hostname: (r.hostname as string | null) ?? null,
  }));
}

/** A unique index on host_names refused a name row, on either engine (our HostNameConflict on PostgreSQL). */
export function isHostNameUniqueViolation(error: unknown): boolean {
  return error instanceof HostNameConflict || isUniqueViolationOf(error, "host_names");
}

/** Drops the name rows of every host whose ip_key is in `range` (one statement). */
export async function deleteHostNamesInRange(tx: Tx, range: KeyRange): Promise<void> {
  await tx.$executeRaw`DELETE FROM host_names WHERE host_id IN (SELECT id FROM hosts WHERE ip_key >= ${range.lo} AND ip_key <= ${range.hi})`;
}
