import { TRACKED_TABLES, trackedTableOf, type ChangeObjectType } from "@/lib/db/change-tracked-tables";
import { AppError } from "@/lib/errors";
import { PASSWORD_FIELD, type ObjectChange } from "@/lib/services/changes/build-changes";
import { changedFields, type Snapshot } from "@/lib/services/changes/object-snapshots";

// What undoes one change record (pure): a create is undone by a delete, an
// update by setting its changed fields back, a delete by creating the object
// again under its old id. What the app cannot set back is refused here,
// before anything is written: a password (its hash is never kept), a deleted
// user or API token (their secrets are gone), a field no service writes.

/** A stored record: the change as recorded, with its id. */
export interface RevertibleRecord extends ObjectChange {
  id: number;
}

export type Inverse =
  | { kind: "delete"; objectType: ChangeObjectType; objectId: number }
  /** The changed fields' before values, in the API's names: a PATCH. */
  | { kind: "set-fields"; objectType: ChangeObjectType; objectId: number; fields: Snapshot }
  /** The object as it was (the record's `before`), created again with its id. */
  | { kind: "recreate"; objectType: "host" | "network"; objectId: number; snapshot: Snapshot };

/** The fields a service can set back, per object type. */
const SETTABLE: Record<ChangeObjectType, readonly string[]> = {
  host: ["ip_address", "hostname", "cname", "mac_address", "description", "status", "discovery_source", "allow_duplicate_name"],
  network: ["network", "cidr", "name", "domain", "vlan_id", "description", "location", "gateway", "dhcp_start", "dhcp_end", "status", "utilization_threshold"],
  user: ["name", "role", "disabled"],
  api_token: ["name"],
};

/** Fields that follow others (a host's family its address, a network's prefix and family its network/cidr). */
const FOLLOWING: Record<ChangeObjectType, readonly string[]> = {
  host: ["family"],
  network: ["prefix", "family"],
  user: [],
  api_token: [],
};

/** Never a reason to refuse nor part of the comparison: timestamps the database sets. */
const TIMESTAMPS = ["created_at", "updated_at"];

const isDerived = (objectType: ChangeObjectType, field: string) =>
  (TRACKED_TABLES[trackedTableOf(objectType)].derived as readonly string[]).includes(field) || TIMESTAMPS.includes(field);

/** "Change #12 (update host 10.0.0.5 web1)": how a refusal names the record. */
export const describeRecord = (r: Pick<RevertibleRecord, "id" | "action" | "objectType" | "objectRepr">) =>
  `Change #${r.id} (${r.action} ${r.objectType.replace("_", " ")} ${r.objectRepr})`;

/** 409: this record cannot be undone, and why (nothing has been written). */
export function notRevertible(record: RevertibleRecord, reason: string): AppError {
  return new AppError("conflict", `${describeRecord(record)} cannot be reverted: ${reason}`, { change_id: record.id });
}

export function inverseOf(record: RevertibleRecord): Inverse {
  const { objectType, objectId } = record;
  switch (record.action) {
    case "create":
      return { kind: "delete", objectType, objectId };
    case "delete":
      if (objectType === "user") throw notRevertible(record, "a deleted user's password is not kept; create the user again");
      if (objectType === "api_token") throw notRevertible(record, "a deleted API token's secret is not kept; create a new token");
      if (!record.before) throw notRevertible(record, "the record holds no snapshot of the object");
      return { kind: "recreate", objectType, objectId, snapshot: record.before };
    case "update":
      return { kind: "set-fields", objectType, objectId, fields: fieldsToSetBack(record) };
  }
}

function fieldsToSetBack(record: RevertibleRecord): Snapshot {
  const { objectType, before, after } = record;
  if (!before || !after) throw notRevertible(record, "the record holds no snapshot of the object");
  const changed = changedFields(before, after).filter((f) => !isDerived(objectType, f));
  if (changed.includes(PASSWORD_FIELD)) throw notRevertible(record, "the previous password is not kept; reset the password instead");
  const settable = SETTABLE[objectType];
  const fixed = changed.filter((f) => !settable.includes(f) && !FOLLOWING[objectType].includes(f));
  if (fixed.length) throw notRevertible(record, `${fixed.join(", ")} cannot be set back by the app`);
  const fields: Snapshot = {};
  for (const f of changed) if (settable.includes(f)) fields[f] = before[f];
  // A network's address and length go back together, as its prefix (a PATCH of "network" alone keeps the stored length).
  if (objectType === "network" && ["network", "cidr", "prefix"].some((f) => changed.includes(f))) {
    delete fields.cidr;
    fields.network = before.prefix;
  }
  return fields;
}

/**
 * The fields whose current value must still be the record's `after` for the
 * revert to go ahead: not derived (parent_id, network_id, last_seen…), not
 * the timestamps; a token's owner by id (its email is the user's).
 */
export function differingFields(objectType: ChangeObjectType, expected: Snapshot, current: Snapshot): string[] {
  const value = (s: Snapshot, f: string) => JSON.stringify(f === "owner" ? ((s.owner as { id?: number } | null)?.id ?? null) : (s[f] ?? null));
  return Object.keys(expected).filter((f) => f !== PASSWORD_FIELD && !isDerived(objectType, f) && value(expected, f) !== value(current, f));
}
