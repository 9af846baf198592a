import "server-only";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { inList, inListOrder, jsonCell, jsonRows, onPostgres, storedDate, type CellType } from "./dialect";

// The change log's SQL inside a write transaction: take back the row images
// the triggers captured (lib/db/change-triggers.ts), and write the records
// in bulk, as one JSON text per 100 records (as the importer writes hosts).
// A small transaction takes all its captures back at once; a large one (an
// import) reads them a batch at a time in capture order, and looks up only
// the objects captured more than once, so memory does not grow with the size
// of the transaction.

export interface CapturedRow {
  id: number;
  table_name: string;
  row_id: number;
  op: "I" | "U" | "D";
  old_row: string | null;
  new_row: string | null;
  secret_changed: boolean;
}

/**
 * Where this write transaction's captures start: on SQLite (one writer at a
 * time) the largest capture id when it began; rows at or below it were left
 * by a write outside the app's transactions (a hand-made SQL edit). On
 * PostgreSQL each row carries its transaction id instead (0 here).
 */
export async function captureMark(tx: Tx): Promise<number> {
  if (onPostgres()) return 0;
  const [row] = await tx.$queryRaw<Array<{ mark: number | bigint | null }>>`SELECT MAX(id) AS mark FROM change_capture`;
  return Number(row?.mark ?? 0);
}

// PostgreSQL: only this transaction's rows; a transaction that wrote nothing has no id yet and has none.
const ownCaptures = (): Prisma.Sql => (onPostgres() ? Prisma.sql`WHERE xact = txid_current_if_assigned()` : Prisma.empty);

const capturedRow = (r: CapturedRow): CapturedRow => ({
  ...r, id: Number(r.id), row_id: Number(r.row_id), secret_changed: Boolean(Number(r.secret_changed) || r.secret_changed === true),
});

/** How many rows this transaction captured so far. */
export async function countCapturedRows(tx: Tx): Promise<number> {
  const [row] = await tx.$queryRaw<Array<{ n: number | bigint }>>`SELECT COUNT(*) AS n FROM change_capture ${ownCaptures()}`;
  return Number(row.n);
}

/**
 * This transaction's captured rows, in capture order, deleted from
 * change_capture; none (and none deleted) when there are more than `limit`.
 * One statement: every single write ends with it, so it also decides.
 */
export async function takeCapturedRows(tx: Tx, limit: number): Promise<CapturedRow[]> {
  const scope = onPostgres() ? Prisma.sql`xact = txid_current_if_assigned() AND` : Prisma.empty;
  const rows = await tx.$queryRaw<CapturedRow[]>`DELETE FROM change_capture
    WHERE ${scope} (SELECT COUNT(*) FROM change_capture ${ownCaptures()}) <= ${limit}
    RETURNING id, table_name, row_id, op, old_row, new_row, secret_changed`;
  return rows.map(capturedRow).sort((a, b) => a.id - b.id);
}

/**
 * An object captured more than once: every capture of one row of one table
 * on one side of `mark` (`own`: after it). The first capture holds the
 * "before", the last the "after".
 */
export interface RecapturedObject {
  table_name: string;
  row_id: number;
  own: boolean;
  first_id: number;
  last_id: number;
  secret_changed: boolean;
}

/** This transaction's objects with more than one capture (an import has few or none). */
export async function recapturedObjects(tx: Tx, mark: number): Promise<RecapturedObject[]> {
  const rows = await tx.$queryRaw<Array<Record<keyof RecapturedObject, unknown>>>`
    SELECT table_name, row_id, CASE WHEN id > ${mark} THEN 1 ELSE 0 END AS own, MIN(id) AS first_id, MAX(id) AS last_id,
           MAX(CASE WHEN secret_changed THEN 1 ELSE 0 END) AS secret_changed
    FROM change_capture ${ownCaptures()}
    GROUP BY table_name, row_id, own
    HAVING COUNT(*) > 1`;
  return rows.map((r) => ({
    table_name: String(r.table_name), row_id: Number(r.row_id), own: Number(r.own) === 1,
    first_id: Number(r.first_id), last_id: Number(r.last_id), secret_changed: Number(r.secret_changed) === 1,
  }));
}

/** Up to `limit` of this transaction's captured rows after capture `afterId`, in capture order (left in change_capture). */
export async function capturedRowsAfter(tx: Tx, afterId: number, limit: number): Promise<CapturedRow[]> {
  // `xact + 0`: not the xact index, whose range is every row of this
  // transaction and would be read and sorted again for each batch (100,000
  // captures: 1,000 batches × 100,000 rows, 17 s). The primary key walks
  // from the cursor and stops after `limit` rows.
  const scope = onPostgres() ? Prisma.sql`xact + 0 = txid_current_if_assigned() AND` : Prisma.empty;
  const rows = await tx.$queryRaw<CapturedRow[]>`SELECT id, table_name, row_id, op, old_row, new_row, secret_changed
    FROM change_capture WHERE ${scope} id > ${afterId} ORDER BY id LIMIT ${limit}`;
  return rows.map(capturedRow);
}

/** The captured rows with these ids, in capture order (left in change_capture). */
export async function capturedRowsById(tx: Tx, ids: readonly number[]): Promise<CapturedRow[]> {
  const rows = await tx.$queryRaw<CapturedRow[]>`SELECT id, table_name, row_id, op, old_row, new_row, secret_changed
    FROM change_capture WHERE id IN (${inList(ids, "int")})`;
  return rows.map(capturedRow).sort((a, b) => a.id - b.id);
}

/** This transaction's captured rows of these tables, in capture order (left in change_capture). */
export async function capturedRowsOf(tx: Tx, tables: readonly string[]): Promise<CapturedRow[]> {
  const scope = onPostgres() ? Prisma.sql`xact = txid_current_if_assigned() AND` : Prisma.empty;
  const rows = await tx.$queryRaw<CapturedRow[]>`SELECT id, table_name, row_id, op, old_row, new_row, secret_changed
    FROM change_capture WHERE ${scope} table_name IN (${inList(tables, "text")})`;
  return rows.map(capturedRow).sort((a, b) => a.id - b.id);
}

/** Empties this transaction's captures once they are recorded. */
export async function clearCapturedRows(tx: Tx): Promise<void> {
  await tx.$executeRaw`DELETE FROM change_capture ${ownCaptures()}`;
}

export interface ChangeRecordRow {
  time: Date;
  actorKind: string;
  actorId: number | null;
  actorName: string;
  source: string;
  requestId: string;
  action: string;
  objectType: string;
  objectId: number;
  objectRepr: string;
  before: string | null;
  after: string | null;
  message: string | null;
}

/** change_log's columns (as stored) ← ChangeRecordRow's keys; the restore writes them on its own connection too. */
export const COLUMNS: ReadonlyArray<readonly [string, keyof ChangeRecordRow, CellType]> = [
  ["time", "time", "timestamp"], ["actor_kind", "actorKind", "text"], ["actor_id", "actorId", "int"], ["actor_name", "actorName", "text"],
  ["source", "source", "text"], ["request_id", "requestId", "text"], ["action", "action", "text"], ["object_type", "objectType", "text"],
  ["object_id", "objectId", "int"], ["object_repr", "objectRepr", "text"], ["before", "before", "text"], ["after", "after", "text"],
  ["message", "message", "text"],
];

// Each statement's JSON text stays referenced by Prisma's debug history of
// the last 100 statements, and one above ~128 KB goes straight to V8's old
// space: 100 records (~70 KB) keep both small.
const ROWS_PER_STATEMENT = 100;

export async function insertChangeRecords(tx: Tx, records: readonly ChangeRecordRow[]): Promise<void> {
  const columns = Prisma.raw(COLUMNS.map(([c]) => c).join(", "));
  const cells = Prisma.join(COLUMNS.map(([, , type], i) => jsonCell("j", i, type)));
  for (let i = 0; i < records.length; i += ROWS_PER_STATEMENT) {
    const chunk = records.slice(i, i + ROWS_PER_STATEMENT).map((r) =>
      COLUMNS.map(([, key]) => {
        const value = r[key];
        return value instanceof Date ? storedDate(value) : value;
      }),
    );
    await tx.$executeRaw`INSERT INTO change_log (${columns}) SELECT ${cells} FROM ${jsonRows(JSON.stringify(chunk), "j")} ${inListOrder("j")}`;
  }
}
