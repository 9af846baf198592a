import "server-only";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { inListOrder, jsonCell, jsonRows, onPostgres, storedDate, type CellType } from "./dialect";

// The change log's SQL inside a write transaction: take back the row images
// the triggers captured (lib/db/change-triggers.ts), and write the records
// in bulk, as one JSON text per 2,000 records (as the importer writes hosts).

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

/** This transaction's captured rows, in capture order, deleted from change_capture. */
export async function takeCapturedRows(tx: Tx): Promise<CapturedRow[]> {
  // PostgreSQL: only this transaction's rows; a transaction that wrote nothing has no id yet and takes nothing.
  const rows = onPostgres()
    ? await tx.$queryRaw<CapturedRow[]>`DELETE FROM change_capture WHERE xact = txid_current_if_assigned()
        RETURNING id, table_name, row_id, op, old_row, new_row, secret_changed`
    : await tx.$queryRaw<CapturedRow[]>`DELETE FROM change_capture
        RETURNING id, table_name, row_id, op, old_row, new_row, secret_changed`;
  return rows
    .map((r) => ({ ...r, id: Number(r.id), row_id: Number(r.row_id), secret_changed: Boolean(Number(r.secret_changed) || r.secret_changed === true) }))
    .sort((a, b) => a.id - b.id);
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

const COLUMNS: ReadonlyArray<readonly [string, keyof ChangeRecordRow, CellType]> = [
  ["time", "time", "timestamp"], ["actor_kind", "actorKind", "text"], ["actor_id", "actorId", "int"], ["actor_name", "actorName", "text"],
  ["source", "source", "text"], ["request_id", "requestId", "text"], ["action", "action", "text"], ["object_type", "objectType", "text"],
  ["object_id", "objectId", "int"], ["object_repr", "objectRepr", "text"], ["before", "before", "text"], ["after", "after", "text"],
  ["message", "message", "text"],
];

const ROWS_PER_STATEMENT = 2000;

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
