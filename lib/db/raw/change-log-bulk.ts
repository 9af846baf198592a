import "server-only";
import type { Tx } from "@/lib/db/client";
import { TRACKED_TABLES } from "@/lib/db/change-tracked-tables";
import { Prisma } from "@/lib/generated/prisma/client";
import { quoteIdentifier } from "./backup-values";
import type { CapturedRow, ChangeRecordRow } from "./change-log";
import { dateParam, inList, onPostgres } from "./dialect";

// The change log's bulk case in SQL: a host or network created in this
// transaction and captured only that once (an import's rows) becomes its
// "create" record in one INSERT … SELECT, its snapshot built by the database
// from the captured image. An import of 100,000 hosts then moves no row
// image through JavaScript (which cost ~300 MB of peak RSS and, on
// PostgreSQL, ~2,000 round trips). Every other capture keeps the JS path
// (record-changes.ts), which reads them here in capture order, so records
// keep the order the JS path alone would give them. A restore writes its
// networks' and hosts' creates with the same SQL (restoredCreatesSql).
//
// The snapshots must be exactly object-snapshots.ts's (serializeHost's
// fields, the network snapshot's fields, both in order; reprOf's
// object_repr): record-changes-bulk.integration.test.ts and, for a restore,
// tests/changes/restore-and-stray.integration.test.ts compare the two on
// both engines.

/** Which captures the bulk path leaves to the JS path: every capture of an object captured more than once. */
export interface BulkScope {
  recaptured: { hosts: readonly number[]; networks: readonly number[] };
}

type FieldKind = "int" | "text" | "date" | "flag" | "family46" | "prefix";

// [API name, stored column, how the snapshot shows it]
const HOST_FIELDS: ReadonlyArray<readonly [string, string, FieldKind]> = [
  ["id", "id", "int"], ["ip_address", "ip_address", "text"], ["family", "family", "family46"], ["hostname", "hostname", "text"],
  ["cname", "cname", "text"], ["mac_address", "mac_address", "text"], ["description", "description", "text"], ["status", "status", "text"],
  ["network_id", "network_id", "int"], ["last_seen", "last_seen", "date"], ["discovery_source", "discovery_source", "text"],
  ["allow_duplicate_name", "allow_duplicate_name", "flag"], ["created_at", "created_at", "date"], ["updated_at", "updated_at", "date"],
];

const NETWORK_FIELDS: ReadonlyArray<readonly [string, string, FieldKind]> = [
  ["id", "id", "int"], ["network", "network", "text"], ["cidr", "cidr", "int"], ["prefix", "", "prefix"], ["family", "family", "int"],
  ["name", "name", "text"], ["domain", "domain", "text"], ["vlan_id", "vlan_id", "int"], ["description", "description", "text"],
  ["location", "location", "text"], ["gateway", "gateway", "text"], ["dhcp_start", "dhcp_start", "text"], ["dhcp_end", "dhcp_end", "text"],
  ["parent_id", "parent_id", "int"], ["status", "status", "text"], ["utilization_threshold", "utilization_threshold", "int"],
  ["created_at", "created_at", "date"], ["updated_at", "updated_at", "date"],
];

// Where a snapshot's values come from. The image column `c.img`: SQLite
// reads the JSON text with json_extract; PostgreSQL parses it once per row
// into jsonb. Or (a restore) the row's own columns `c."name"`, which hold
// what the image would (on PostgreSQL as text, as `->>` gives it): reading
// them costs no image per reference. `pg` is the engine the SQL is for, not
// the app's: a restore writes on its own connection, to either engine.
interface Source { pg: boolean; columns: boolean }

const ownColumn = (column: string) => `c.${quoteIdentifier(column)}`;
const stored = (src: Source, column: string) => {
  if (src.columns) return src.pg ? `CAST(${ownColumn(column)} AS text)` : ownColumn(column);
  return src.pg ? `(c.img ->> '${column}')` : `json_extract(c.img, '$.${column}')`;
};
// PostgreSQL's own columns already have the type an image's text is cast to
// (integer, timestamp(3), boolean): read as they are, with no round trip
// through text (with jsonText: building 1,200,000 hosts' records took 3.4–4.0 s instead of 5.8 s).
const typed = (src: Source, column: string) => (src.pg && src.columns ? ownColumn(column) : null);
const storedInt = (src: Source, column: string) => typed(src, column) ?? (src.pg ? `CAST(${stored(src, column)} AS integer)` : stored(src, column));

/**
 * A stored date as Date.toISOString() shows it. SQLite stores the adapter's
 * "…T10:00:00.000+00:00" or CURRENT_TIMESTAMP's "… 10:00:00" (strftime reads
 * both, a zone-less one as UTC), PostgreSQL's image "…T10:00:00.12" (UTC).
 */
function isoDate(src: Source, column: string): string {
  if (src.pg) return `to_char(${typed(src, column) ?? `CAST(${stored(src, column)} AS timestamp(3))`}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const v = stored(src, column);
  return `CASE WHEN typeof(${v}) = 'integer' THEN strftime('%Y-%m-%dT%H:%M:%fZ', ${v} / 1000.0, 'unixepoch') ELSE strftime('%Y-%m-%dT%H:%M:%fZ', ${v}) END`;
}

/** A flag as object-snapshots' flag() reads it: SQLite's 1, PostgreSQL's true; anything else (NULL too) is false. */
const isSet = (src: Source, column: string) => {
  const own = typed(src, column);
  return own ? `COALESCE(${own}, false)` : `COALESCE(CAST(${stored(src, column)} AS text) IN ('1', 't', 'true'), false)`;
};

function valueOf(src: Source, column: string, kind: FieldKind): string {
  switch (kind) {
    case "int":
      return storedInt(src, column);
    case "text":
      return stored(src, column);
    case "date":
      return isoDate(src, column);
    case "flag":
      return src.pg ? isSet(src, column) : `json(CASE WHEN ${isSet(src, column)} THEN 'true' ELSE 'false' END)`;
    case "family46":
      return `CASE WHEN ${storedInt(src, "family")} = 6 THEN 6 ELSE 4 END`;
    case "prefix":
      return prefixOf(src);
  }
}

const prefixOf = (src: Source) => `${stored(src, "network")} || '/' || ${stored(src, "cidr")}`;

/**
 * PostgreSQL: a value's JSON text (NULL stays NULL). Numbers, booleans and
 * ISO dates need no escaping, so to_json (a call per field) is left to text.
 */
function jsonText(kind: FieldKind, value: string): string {
  switch (kind) {
    case "int":
    case "family46":
    case "flag":
      return `CAST(${value} AS text)`;
    case "date":
      return `'"' || ${value} || '"'`;
    case "text":
    case "prefix":
      return `CAST(to_json(${value}) AS text)`;
  }
}

/**
 * The JSON text of an object with these fields, in order, as JSON.stringify
 * writes it (no spaces; PostgreSQL's json_build_object would add some).
 */
function jsonObject(src: Source, fields: ReadonlyArray<readonly [string, string, FieldKind]>): string {
  const pairs = fields.map(([name, column, kind]) => [name, kind, valueOf(src, column, kind)] as const);
  if (!src.pg) return `json_object(${pairs.map(([name, , value]) => `'${name}', ${value}`).join(", ")})`;
  const parts = pairs.map(([name, kind, value], i) => `'${i ? "," : "{"}"${name}":' || COALESCE(${jsonText(kind, value)}, 'null')`);
  return `${parts.join(" || ")} || '}'`;
}

/** reprOf: the first part, then the second when it is not empty. */
const reprSql = (first: string, second: string) => `${first} || CASE WHEN ${second} <> '' THEN ' ' || ${second} ELSE '' END`;

const HOST_REPR = (src: Source) => reprSql(stored(src, "ip_address"), stored(src, "hostname"));
const NETWORK_REPR = (src: Source) => reprSql(prefixOf(src), stored(src, "name"));

/**
 * A create record's object_type, object_id, object_repr, before and after,
 * of row c.row_id of `table`, or of table c.table_name (hosts or networks) when
 * none is given (images only: each table's columns exist only in its own rows).
 */
function createdObjectColumns(src: Source, table?: "hosts" | "networks"): string {
  const either = (host: string, network: string) =>
    table ? (table === "hosts" ? host : network) : `CASE WHEN c.table_name = 'hosts' THEN ${host} ELSE ${network} END`;
  return [
    either(`'${TRACKED_TABLES.hosts.objectType}'`, `'${TRACKED_TABLES.networks.objectType}'`),
    "c.row_id",
    either(HOST_REPR(src), NETWORK_REPR(src)),
    "NULL",
    either(jsonObject(src, HOST_FIELDS), jsonObject(src, NETWORK_FIELDS)),
  ].join(", ");
}

// PostgreSQL: only this transaction's captures; `xact + 0` so that the
// primary key, not the xact index, is walked from the cursor (see
// capturedRowsAfter). SQLite: every capture after the recorder's mark is its own.
const own = (): Prisma.Sql => (onPostgres() ? Prisma.sql`c.xact + 0 = txid_current_if_assigned() AND` : Prisma.empty);

/** The captures the bulk path records: a host's or network's insert, its object's only capture. */
function createdOnce(scope: BulkScope): Prisma.Sql {
  const except = (table: "hosts" | "networks", ids: readonly number[]) =>
    ids.length ? Prisma.sql` AND NOT (c.table_name = ${table} AND c.row_id IN (${inList(ids, "int")}))` : Prisma.empty;
  return Prisma.sql`(c.op = 'I' AND c.table_name IN ('hosts', 'networks')${except("hosts", scope.recaptured.hosts)}${except("networks", scope.recaptured.networks)})`;
}

/** The first capture after `afterId` that the JS path records, if any. */
export async function nextCaptureForJs(tx: Tx, scope: BulkScope, afterId: number): Promise<number | null> {
  const [row] = await tx.$queryRaw<Array<{ id: number | bigint }>>`SELECT c.id FROM change_capture c
    WHERE ${own()} c.id > ${afterId} AND NOT ${createdOnce(scope)} ORDER BY c.id LIMIT 1`;
  return row ? Number(row.id) : null;
}

/**
 * Up to `limit` captures from `fromId` on, in capture order, as far as the
 * first one the bulk path records (left in change_capture).
 */
export async function capturesForJs(tx: Tx, scope: BulkScope, fromId: number, limit: number): Promise<CapturedRow[]> {
  const bulk = createdOnce(scope);
  const rows = await tx.$queryRaw<Array<CapturedRow & { bulk: number | boolean }>>`SELECT c.id, c.table_name, c.row_id, c.op,
      CASE WHEN ${bulk} THEN NULL ELSE c.old_row END AS old_row, CASE WHEN ${bulk} THEN NULL ELSE c.new_row END AS new_row,
      c.secret_changed, CASE WHEN ${bulk} THEN 1 ELSE 0 END AS bulk
    FROM change_capture c WHERE ${own()} c.id >= ${fromId} ORDER BY c.id LIMIT ${limit}`;
  const end = rows.findIndex((r) => Number(r.bulk) === 1);
  return (end === -1 ? rows : rows.slice(0, end)).map(({ bulk: _, ...r }) => ({
    ...r, id: Number(r.id), row_id: Number(r.row_id), secret_changed: Boolean(Number(r.secret_changed) || r.secret_changed === true),
  }));
}

export type RecordStamp = Pick<ChangeRecordRow, "time" | "actorKind" | "actorId" | "actorName" | "source" | "requestId" | "message">;

/**
 * Writes the "create" records of the bulk path's captures with afterId < id
 * < beforeId (null: no end), in capture order, stamped `stamp`; returns how many.
 */
export async function insertCreatedOnceRecords(tx: Tx, scope: BulkScope, afterId: number, beforeId: number | null, stamp: RecordStamp): Promise<number> {
  const pg = onPostgres();
  const image = Prisma.raw(pg ? "CAST(c.new_row AS jsonb)" : "c.new_row");
  const end = beforeId === null ? Prisma.empty : Prisma.sql`AND c.id < ${beforeId}`;
  return tx.$executeRaw`INSERT INTO change_log (${Prisma.raw(RECORD_COLUMNS)})
    SELECT ${dateParam(stamp.time)}, CAST(${stamp.actorKind} AS TEXT), CAST(${stamp.actorId} AS INTEGER), CAST(${stamp.actorName} AS TEXT),
      CAST(${stamp.source} AS TEXT), CAST(${stamp.requestId} AS TEXT), 'create', ${Prisma.raw(createdObjectColumns({ pg, columns: false }))},
      CAST(${stamp.message} AS TEXT)
    FROM (SELECT c.id, c.table_name, c.row_id, ${image} AS img FROM change_capture c
          WHERE ${own()} c.id > ${afterId} ${end} AND ${createdOnce(scope)}) c
    ORDER BY c.id`;
}

const RECORD_COLUMNS = "time, actor_kind, actor_id, actor_name, source, request_id, action, object_type, object_id, object_repr, before, after, message";

/**
 * SQL text for a restore's own connection: one "create" record per row of
 * `table`, in id order, its snapshot built from the row's columns (what its
 * insert trigger's image holds: lib/db/change-triggers.ts).
 * Parameters 1-7: the stamp's time (as the engine stores it), actor kind, id
 * and name, source, request id and message.
 */
export function restoredCreatesSql(pg: boolean, table: "hosts" | "networks"): string {
  // Each parameter appears once, in order: SQLite's plain `?` (better-sqlite3 binds no ?NNN).
  const p = (i: number) => (pg ? `$${i}` : "?");
  const time = pg ? `CAST(${p(1)} AS timestamp(3))` : p(1);
  return `INSERT INTO change_log (${RECORD_COLUMNS})
    SELECT ${time}, CAST(${p(2)} AS TEXT), CAST(${p(3)} AS INTEGER), CAST(${p(4)} AS TEXT), CAST(${p(5)} AS TEXT), CAST(${p(6)} AS TEXT),
      'create', ${createdObjectColumns({ pg, columns: true }, table)}, CAST(${p(7)} AS TEXT)
    FROM (SELECT t.*, t.id AS row_id FROM ${quoteIdentifier(table)} t) c
    ORDER BY c.id`;
}

/** The stamp's values in restoredCreatesSql's parameter order, its time written by `date`. */
export function restoredCreatesParams(stamp: RecordStamp, date: (d: Date) => string): unknown[] {
  return [date(stamp.time), stamp.actorKind, stamp.actorId, stamp.actorName, stamp.source, stamp.requestId, stamp.message];
}
