import "server-only";
import type { Tx } from "@/lib/db/client";
import { capturedRow } from "./backup-values";
import type { CapturedRow } from "./change-log";
import { onPostgres } from "./dialect";

// Captures no app transaction will take back: rows the triggers wrote for a
// write made outside the app (SQL typed into the database by hand, a test
// fixture). On PostgreSQL they carry that other transaction's id, which no
// later transaction has, so they would stay forever. Rows of transactions
// still running are invisible here; a committed app transaction took its own
// before committing: whatever is visible and not ours is stray.

/** Takes (deletes and returns) up to `limit` stray captures, oldest first. */
export async function takeStrayCaptures(tx: Tx, limit: number): Promise<CapturedRow[]> {
  const rows = onPostgres()
    ? await tx.$queryRaw<Record<string, unknown>[]>`DELETE FROM change_capture WHERE id IN (
        SELECT id FROM change_capture WHERE xact IS DISTINCT FROM txid_current_if_assigned() ORDER BY id LIMIT ${limit})
        RETURNING id, table_name, row_id, op, old_row, new_row, secret_changed`
    : await tx.$queryRaw<Record<string, unknown>[]>`DELETE FROM change_capture WHERE id IN (
        SELECT id FROM change_capture ORDER BY id LIMIT ${limit})
        RETURNING id, table_name, row_id, op, old_row, new_row, secret_changed`;
  return rows.map(capturedRow).sort((a, b) => a.id - b.id);
}
