import type { ChangeLog } from "@/lib/generated/prisma/client";
import type { ChangeOut } from "@/lib/schemas/change";
import { changedFields, type Snapshot } from "@/lib/services/changes/object-snapshots";

const snapshot = (text: string | null): Snapshot | null => (text === null ? null : (JSON.parse(text) as Snapshot));

/** A change_log row → the API's record (pure); `changed_fields` from the snapshots, derived fields included. */
export function serializeChange(row: ChangeLog): ChangeOut {
  const before = snapshot(row.before);
  const after = snapshot(row.after);
  return {
    id: row.id,
    time: row.time.toISOString(),
    actor: { kind: row.actorKind as ChangeOut["actor"]["kind"], id: row.actorId, name: row.actorName },
    source: row.source,
    request_id: row.requestId,
    action: row.action as ChangeOut["action"],
    object_type: row.objectType as ChangeOut["object_type"],
    object_id: row.objectId,
    object_repr: row.objectRepr,
    before,
    after,
    message: row.message,
    changed_fields: changedFields(before, after),
  };
}
