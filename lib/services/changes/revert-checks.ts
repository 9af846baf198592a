import "server-only";
import type { Tx } from "@/lib/db/client";
import type { AppError } from "@/lib/errors";
import type { ChangeObjectType } from "@/lib/db/change-tracked-tables";
import { currentObjects } from "@/lib/services/changes/current-object";
import { differingFields, notRevertible, type RevertibleRecord } from "@/lib/services/changes/inverse-change";

// Is every record still the latest word on its object? Checked for all the
// records of a revert at once, inside its transaction before anything is
// written (a few statements per 500 objects, so a request of 10,000 records
// is checked in well under a second):
// - no later record of the object, outside the request being undone;
// - the object as it is now equals the newest record's `after` (absent after
//   a delete) in every field a write sets. An older record of the same
//   object in the same request needs no such check: nothing came between it
//   and the newer one, whose `before` is its `after`.

const CHUNK = 500;
const label = (t: ChangeObjectType) => t.replace("_", " ");

/** Throws the 409 of the first record (newest first) that cannot be undone any more. */
export async function assertNoneChangedSince(tx: Tx, records: readonly RevertibleRecord[], sameRequest: string | undefined): Promise<void> {
  const blockers = new Map<number, AppError>();
  const index = new Map(records.map((r, i) => [r.id, i]));
  const block = (r: RevertibleRecord, reason: string) => {
    const i = index.get(r.id)!;
    if (!blockers.has(i)) blockers.set(i, notRevertible(r, reason));
  };
  for (const [objectType, ofType] of groupBy(records, (r) => r.objectType)) {
    // Records are newest first: each object's list starts with its newest.
    const ofObject = groupBy(ofType, (r) => r.objectId);
    const newest = [...ofObject.values()].map((list) => list[0]);
    for (let i = 0; i < newest.length; i += CHUNK) {
      const chunk = newest.slice(i, i + CHUNK);
      await findLaterRecords(tx, objectType, chunk, ofObject, sameRequest, block);
      const current = await currentObjects(tx, objectType, chunk.map((r) => r.objectId));
      for (const r of chunk) {
        const now = current.get(r.objectId) ?? null;
        const what = `${label(objectType)} ${r.objectId}`;
        if (!r.after) {
          if (now) block(r, `${what} exists again`);
        } else if (!now) {
          block(r, `${what} no longer exists`);
        } else {
          const differing = differingFields(objectType, r.after, now);
          if (differing.length) block(r, `${what} has changed since (${differing.join(", ")})`);
        }
      }
    }
  }
  if (blockers.size) throw blockers.get(Math.min(...blockers.keys()))!;
}

/** A later record of an object (outside the request being undone) blocks each record of it that it follows. */
async function findLaterRecords(
  tx: Tx, objectType: ChangeObjectType, newest: readonly RevertibleRecord[], ofObject: ReadonlyMap<number, RevertibleRecord[]>,
  sameRequest: string | undefined, block: (r: RevertibleRecord, reason: string) => void,
): Promise<void> {
  const objectIds = newest.map((r) => r.objectId);
  const oldest = Math.min(...objectIds.flatMap((id) => ofObject.get(id)!.map((r) => r.id)));
  const later = await tx.changeLog.findMany({
    where: { objectType, objectId: { in: objectIds }, id: { gt: oldest }, ...(sameRequest ? { requestId: { not: sameRequest } } : {}) },
    orderBy: { id: "asc" },
    select: { id: true, objectId: true, action: true, actorName: true },
  });
  for (const row of later) {
    for (const r of ofObject.get(row.objectId)!) {
      if (r.id < row.id) block(r, `the ${label(objectType)} was changed since, by change #${row.id} (${row.action} by ${row.actorName}); revert that first`);
    }
  }
}

function groupBy<K>(records: readonly RevertibleRecord[], key: (r: RevertibleRecord) => K): Map<K, RevertibleRecord[]> {
  const out = new Map<K, RevertibleRecord[]>();
  for (const r of records) {
    const list = out.get(key(r));
    if (list) list.push(r);
    else out.set(key(r), [r]);
  }
  return out;
}
