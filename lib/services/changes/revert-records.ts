import "server-only";
import { ZodError } from "zod";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import type { ChangeObjectType } from "@/lib/db/change-tracked-tables";
import { AppError, zodFieldErrors } from "@/lib/errors";
import type { ChangeLog } from "@/lib/generated/prisma/client";
import type { ChangeAction } from "@/lib/services/changes/build-changes";
import { applyInverseSteps } from "@/lib/services/changes/apply-inverse";
import { inverseSteps } from "@/lib/services/changes/inverse-steps";
import { currentChangeContext, withChangeContext } from "@/lib/services/changes/change-context";
import { describeRecord, inverseOf, type RevertibleRecord } from "@/lib/services/changes/inverse-change";
import { assertNoneChangedSince } from "@/lib/services/changes/revert-checks";
import { inWriteTransaction } from "@/lib/services/write-options";

// THE revert: change records undone newest first, all in ONE write
// transaction through the services (revertChange: one record; revertRequest:
// a request's records). Each record must still describe the object as it is
// (revert-checks.ts); the first record that cannot be undone refuses the
// whole revert, and the transaction rolls back, so a refused revert changes
// nothing. The revert is recorded like any write, with its own request id
// and a message.

export interface RevertOut {
  /** How many change records were undone. */
  reverted: number;
  /** The revert's own request id: its change records share it (GET /api/v1/changes?request_id=). */
  request_id: string;
}

/** The revert's own change records: its request's, written after `mark` (the last record before it began). */
export interface RevertDone extends RevertOut {
  ownRecords: () => Promise<ChangeLog[]>;
}

export function revertibleRecord(row: ChangeLog): RevertibleRecord {
  return {
    id: row.id, action: row.action as ChangeAction, objectType: row.objectType as ChangeObjectType, objectId: row.objectId,
    objectRepr: row.objectRepr, before: row.before ? JSON.parse(row.before) : null, after: row.after ? JSON.parse(row.after) : null,
  };
}

/**
 * `sameRequest`: the records all belong to this request (revertRequest); a later
 * record of the same request is being undone too, so it does not block.
 */
export async function revertRecords(
  actor: Actor, rows: readonly ChangeLog[], options: { message: string; sameRequest?: string },
): Promise<RevertDone> {
  const records = [...rows].sort((a, b) => b.id - a.id).map(revertibleRecord);
  // Refused before anything is written: what no service can set back.
  const steps = inverseSteps(records.map((record) => ({ record, inverse: inverseOf(record) })));
  return withChangeContext({ message: options.message }, async () => {
    const { requestId } = currentChangeContext()!;
    const mark = await inWriteTransaction(actor, undefined, async (tx) => {
      const last = await tx.changeLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
      await assertNoneChangedSince(tx, records, options.sameRequest);
      await applyInverseSteps(actor, steps, tx, naming);
      return last?.id ?? 0;
    });
    const ownRecords = () => getDb().changeLog.findMany({ where: { requestId, id: { gt: mark } }, orderBy: { id: "asc" } });
    return { reverted: records.length, request_id: requestId, ownRecords };
  });
}

/**
 * A service's refusal, named by the record it stopped: its code (409, 422 …)
 * and details kept. A batch's per-item error ("3.status") names item 3.
 */
async function naming(batch: readonly RevertibleRecord[], fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    const failed = (fields: object) => batch[Number(Object.keys(fields).map((k) => /^(\d+)\./.exec(k)?.[1]).find((i) => i !== undefined) ?? 0)] ?? batch[0];
    if (error instanceof AppError) {
      const record = failed(error.details ?? {});
      const prefix = `${describeRecord(record)} cannot be reverted: `;
      if (error.message.startsWith(prefix)) throw error;
      throw new AppError(error.code, prefix + error.message, { ...error.details, change_id: record.id });
    }
    if (error instanceof ZodError) {
      const fields = zodFieldErrors(error);
      const record = failed(fields);
      const [field, messages] = Object.entries(fields)[0] ?? ["_", ["invalid"]];
      throw new AppError("validation_error", `${describeRecord(record)} cannot be reverted: ${field}: ${messages[0]}`, { ...fields, change_id: record.id });
    }
    throw error;
  }
}
