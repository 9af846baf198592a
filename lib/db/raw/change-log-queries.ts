import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { TRACKED_TABLES } from "@/lib/db/change-tracked-tables";
import { containsAsciiCi, dateParam, inList, newestFirstScan, onPostgres } from "./dialect";
import type { Queryable } from "./types";

// Reading and pruning change_log (lib/db/raw/change-log.ts writes it). Every
// list statement is "WHERE <filters> ORDER BY id DESC": an object's history
// is a backwards range on (object_type, object_id, id), a request's on
// (request_id, id), an actor's on (actor_name, id); without such a filter
// the primary key is walked newest first and stops after the page.

export interface ChangeLogFilter {
  /** The object types the caller may see (a non-admin: no users or tokens); absent: all. */
  visibleTypes?: readonly string[];
  objectType?: string;
  objectId?: number;
  /** Stored actor names (actorNamesMatching); an empty list matches nothing. */
  actorNames?: readonly string[];
  action?: string;
  requestId?: string;
  since?: Date;
  until?: Date;
  q?: string;
  /** Only records older than this id (a keyset cursor's key: the list is newest first). */
  idBelow?: number;
}

function whereOf(f: ChangeLogFilter): Prisma.Sql {
  // Short lists of constants or names as plain parameters: the planner then sees values, not a subquery.
  const parts: Prisma.Sql[] = f.visibleTypes ? [Prisma.sql`object_type IN (${Prisma.join(f.visibleTypes)})`] : [];
  if (f.objectType) parts.push(Prisma.sql`object_type = ${f.objectType}`);
  if (f.objectId !== undefined) parts.push(Prisma.sql`object_id = ${f.objectId}`);
  if (f.actorNames) parts.push(f.actorNames.length ? Prisma.sql`actor_name IN (${Prisma.join(f.actorNames)})` : Prisma.sql`1 = 0`);
  if (f.action) parts.push(Prisma.sql`action = ${f.action}`);
  if (f.requestId) parts.push(Prisma.sql`request_id = ${f.requestId}`);
  if (f.since) parts.push(Prisma.sql`time >= ${dateParam(f.since)}`);
  if (f.until) parts.push(Prisma.sql`time < ${dateParam(f.until)}`);
  if (f.idBelow !== undefined) parts.push(Prisma.sql`id < ${f.idBelow}`);
  if (f.q) parts.push(Prisma.sql`(${containsAsciiCi("object_repr", f.q)} OR ${containsAsciiCi("actor_name", f.q)} OR ${containsAsciiCi("message", f.q)})`);
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`1 = 1`;
}

/** An index yields these records in id order: an equality on every column before id. */
function inIdOrder(f: ChangeLogFilter): boolean {
  return f.objectId !== undefined || f.requestId !== undefined || f.actorNames !== undefined;
}

/**
 * Whether the newest matches are found fastest by walking the primary key
 * newest first (SQLite is told so: newestFirstScan) rather than by an index
 * range sorted by id. SQLite plans parameters blind: given an index on a
 * filtered column (object_type, time) it reads the whole matching range and
 * sorts it, right for a few matches, ruinous for a million (a common object
 * type, a non-admin's visibility), and the key walk is the reverse. So: in
 * id order → the index; a `q` without a time range (no index serves it) →
 * the walk; otherwise the matches are counted first on the index (at most
 * `cap`), and the walk is taken only when they reach it, i.e. are dense
 * enough that a page costs a few thousand rows. Returns the count it made.
 */
async function planNewestFirst(q: Queryable, f: ChangeLogFilter, cap: number): Promise<{ walk: boolean; counted?: number }> {
  if (inIdOrder(f)) return { walk: false };
  if (f.q) return { walk: f.since === undefined && f.until === undefined };
  const counted = await countChangeLog(q, f, cap + 1);
  return { walk: counted > cap, counted };
}

/**
 * One page of matching records' ids, newest first, and how many match,
 * counted up to `cap` + 1 (more than `cap`: "at least cap").
 */
export async function changeLogPage(q: Queryable, filter: ChangeLogFilter, page: { skip: number; take: number }, cap: number): Promise<{ ids: number[]; counted: number }> {
  const plan = await planNewestFirst(q, filter, cap);
  const scan = plan.walk ? newestFirstScan() : Prisma.empty;
  const rows = await q.$queryRaw<Array<{ id: unknown }>>`SELECT id FROM change_log ${scan} WHERE ${whereOf(filter)}
    ORDER BY id DESC LIMIT ${page.take} OFFSET ${page.skip}`;
  const ids = rows.map((r) => Number(r.id));
  if (plan.counted !== undefined) return { ids, counted: plan.counted };
  // A page that is not full ends the list: its total is known without counting (a rare `q` is then one scan, not two).
  const ended = ids.length < page.take && (ids.length > 0 || page.skip === 0);
  return { ids, counted: ended ? page.skip + ids.length : await countChangeLog(q, filter, cap + 1) };
}

/**
 * How many records match, counting at most `cap` of them: a count reads
 * every row it counts, so an unfiltered million would cost as much as the
 * page itself several hundred times over.
 */
export async function countChangeLog(q: Queryable, filter: ChangeLogFilter, cap: number): Promise<number> {
  const [row] = await q.$queryRaw<Array<{ n: unknown }>>`SELECT COUNT(*) AS n FROM
    (SELECT 1 AS one FROM change_log WHERE ${whereOf(filter)} LIMIT ${cap}) AS capped`;
  return Number(row?.n ?? 0);
}

/**
 * The stored actor names equal to `name` but for the case of ASCII letters.
 * The (actor_name, id) index is walked one distinct name at a time (a
 * "skip scan": one probe per name, and there are as many names as users
 * and tokens ever acting, not records), so the filter itself can then use
 * the index with exact names.
 */
export async function actorNamesMatching(q: Queryable, name: string): Promise<string[]> {
  const folded = onPostgres() ? Prisma.sql`lower(n.name COLLATE "C") = lower(CAST(${name} AS text) COLLATE "C")` : Prisma.sql`lower(n.name) = lower(${name})`;
  const rows = await q.$queryRaw<Array<{ name: string }>>`WITH RECURSIVE n(name) AS (
      SELECT MIN(actor_name) FROM change_log
      UNION ALL
      SELECT (SELECT MIN(c.actor_name) FROM change_log c WHERE c.actor_name > n.name) FROM n WHERE n.name IS NOT NULL
    ) SELECT n.name FROM n WHERE n.name IS NOT NULL AND ${folded}`;
  return rows.map((r) => r.name);
}

export interface RequestHead {
  requestId: string;
  /** The group's newest matching record. */
  lastId: number;
}

const PROBE_ROWS = 500;
const GROUP_WALK_CAP = 10_000;

/**
 * The first `want` request ids of the matching records, by their newest
 * record, newest first. Walks the records newest first in batches, leaving
 * out the groups already found (so a 100,000-record import costs one skip,
 * not 100,000 rows read again per batch) — no GROUP BY over the whole table.
 */
export async function newestRequests(q: Queryable, filter: ChangeLogFilter, want: number, probeRows = PROBE_ROWS): Promise<RequestHead[]> {
  const found: RequestHead[] = [];
  const seen = new Set<string>();
  let below: number | null = null;
  const where = whereOf(filter);
  const scan = (await planNewestFirst(q, filter, GROUP_WALK_CAP)).walk ? newestFirstScan() : Prisma.empty;
  while (found.length < want) {
    const exclude = seen.size ? Prisma.sql`AND request_id NOT IN (${inList([...seen], "text")})` : Prisma.empty;
    const older: Prisma.Sql = below === null ? Prisma.empty : Prisma.sql`AND id < ${below}`;
    const rows: Array<{ id: unknown; request_id: string }> = await q.$queryRaw`SELECT id, request_id FROM change_log ${scan}
      WHERE ${where} ${older} ${exclude} ORDER BY id DESC LIMIT ${probeRows}`;
    for (const row of rows) {
      if (seen.has(row.request_id)) continue;
      seen.add(row.request_id);
      found.push({ requestId: row.request_id, lastId: Number(row.id) });
      if (found.length === want) break;
    }
    if (rows.length < probeRows) break;
    below = Number(rows[rows.length - 1].id);
  }
  return found;
}

export interface GroupCount {
  requestId: string;
  objectType: string;
  action: string;
  count: number;
}

/** Matching records of these requests, counted per object type and action (on the (request_id, id) index). */
export async function countRequestRecords(q: Queryable, filter: ChangeLogFilter, requestIds: readonly string[]): Promise<GroupCount[]> {
  if (requestIds.length === 0) return [];
  const rows = await q.$queryRaw<Array<{ request_id: string; object_type: string; action: string; n: unknown }>>`SELECT request_id, object_type, action, COUNT(*) AS n
    FROM change_log WHERE request_id IN (${Prisma.join(requestIds)}) AND ${whereOf(filter)} GROUP BY request_id, object_type, action`;
  return rows.map((r) => ({ requestId: r.request_id, objectType: r.object_type, action: r.action, count: Number(r.n) }));
}

// ---- Retention

const PRUNE_BATCH = 5000;

/** Records of an object that still exists, kept by pruning: its latest and its (latest) create record. */
function keptRecord(): Prisma.Sql {
  const exists = Prisma.join(
    Object.entries(TRACKED_TABLES).map(([table, t]) =>
      Prisma.sql`(change_log.object_type = ${t.objectType} AND EXISTS (SELECT 1 FROM ${Prisma.raw(table)} o WHERE o.id = change_log.object_id))`),
    " OR ",
  );
  const same = Prisma.raw("k.object_type = change_log.object_type AND k.object_id = change_log.object_id");
  return Prisma.sql`((${exists}) AND (
    change_log.id = (SELECT MAX(k.id) FROM change_log k WHERE ${same})
    OR change_log.id = (SELECT MAX(k.id) FROM change_log k WHERE ${same} AND k.action = 'create')))`;
}

/**
 * Deletes the records older than `cutoff` but those keptRecord names, in
 * batches of id ranges, each its own short statement, so writers wait at
 * most one batch (SQLite has one writer). Returns how many went.
 */
export async function pruneChangeLog(q: Queryable, cutoff: Date): Promise<number> {
  const [bounds] = await q.$queryRaw<Array<{ lo: unknown; hi: unknown }>>`SELECT MIN(id) AS lo, MAX(id) AS hi FROM change_log WHERE time < ${dateParam(cutoff)}`;
  if (bounds?.lo === null || bounds?.lo === undefined) return 0;
  const kept = keptRecord();
  let deleted = 0;
  for (let lo = Number(bounds.lo); lo <= Number(bounds.hi); lo += PRUNE_BATCH) {
    deleted += await q.$executeRaw`DELETE FROM change_log WHERE id >= ${lo} AND id < ${lo + PRUNE_BATCH}
      AND time < ${dateParam(cutoff)} AND NOT ${kept}`;
  }
  return deleted;
}
