import { TRACKED_TABLES, type ChangeAction, type ChangeObjectType, type TrackedTableName } from "@/lib/db/change-tracked-tables";
import type { CapturedRow } from "@/lib/db/raw/change-log";
import { changedFields, isOnlyDerived, reprOf, snapshotOf, type Snapshot, type SnapshotLookups } from "@/lib/services/changes/object-snapshots";

// One transaction's captured row images → at most one change per object:
// its first "before" and its last "after". Created and deleted in the same
// transaction is nothing; an update that ends where it started, or that
// moved only derived fields, is nothing (no empty records).

export { changeActions, type ChangeAction } from "@/lib/db/change-tracked-tables";

export interface ObjectChange {
  action: ChangeAction;
  objectType: ChangeObjectType;
  objectId: number;
  objectRepr: string;
  before: Snapshot | null;
  after: Snapshot | null;
}

/** A changed password shows as this field in an update's snapshots; the hash is never captured. */
export const PASSWORD_FIELD = "password";
const PASSWORD_BEFORE = "(previous password)";
const PASSWORD_AFTER = "(new password)";

/** One object's captures merged: its first "before", its last "after". */
export interface MergedCapture {
  table: TrackedTableName;
  id: number;
  before: string | null;
  after: string | null;
  existedBefore: boolean;
  secretChanged: boolean;
}

function merge(captured: readonly CapturedRow[]): MergedCapture[] {
  const byObject = new Map<string, MergedCapture>();
  for (const row of captured) {
    if (!(row.table_name in TRACKED_TABLES)) continue;
    const key = `${row.table_name}:${row.row_id}`;
    const seen = byObject.get(key);
    if (!seen) {
      byObject.set(key, {
        table: row.table_name as TrackedTableName, id: row.row_id, before: row.old_row, after: row.new_row,
        existedBefore: row.op !== "I", secretChanged: row.secret_changed,
      });
    } else {
      seen.after = row.new_row;
      seen.secretChanged ||= row.secret_changed;
    }
  }
  return [...byObject.values()];
}

/** Emails of users named by captured token rows: first from the captured user rows (a user deleted with its tokens). */
export function capturedUserEmails(captured: readonly CapturedRow[]): Map<number, string> {
  const emails = new Map<number, string>();
  for (const row of captured) {
    if (row.table_name !== "users") continue;
    const image = JSON.parse(row.new_row ?? row.old_row ?? "{}") as { email?: string };
    if (image.email) emails.set(row.row_id, image.email);
  }
  return emails;
}

export function tokenOwnerIds(captured: readonly CapturedRow[]): number[] {
  const ids = new Set<number>();
  for (const row of captured) {
    if (row.table_name !== "api_tokens") continue;
    const image = JSON.parse(row.new_row ?? row.old_row ?? "{}") as { user_id?: number | null };
    if (image.user_id !== null && image.user_id !== undefined) ids.add(Number(image.user_id));
  }
  return [...ids];
}

export function buildChanges(captured: readonly CapturedRow[], lookups: SnapshotLookups): ObjectChange[] {
  return changesOf(merge(captured), lookups);
}

/** The changes of objects whose captures are merged already (a large transaction merges in SQL, a batch at a time). */
export function changesOf(merged: readonly MergedCapture[], lookups: SnapshotLookups): ObjectChange[] {
  const changes: ObjectChange[] = [];
  for (const m of merged) {
    const before = m.existedBefore && m.before ? snapshotOf(m.table, JSON.parse(m.before), lookups) : null;
    const after = m.after ? snapshotOf(m.table, JSON.parse(m.after), lookups) : null;
    if (!before && !after) continue;
    const objectType = TRACKED_TABLES[m.table].objectType;
    if (before && after) {
      const fields = changedFields(before, after);
      if (m.secretChanged) {
        before[PASSWORD_FIELD] = PASSWORD_BEFORE;
        after[PASSWORD_FIELD] = PASSWORD_AFTER;
        fields.push(PASSWORD_FIELD);
      }
      if (isOnlyDerived(m.table, fields)) continue;
    }
    const action: ChangeAction = !before ? "create" : !after ? "delete" : "update";
    changes.push({ action, objectType, objectId: m.id, objectRepr: reprOf(objectType, (after ?? before)!), before, after });
  }
  return changes;
}
