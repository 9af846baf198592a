import type { Host } from "@/lib/generated/prisma/client";
import type { HostData } from "@/lib/schemas/host";
import { bulkHostFieldNames, type BulkEditHostOut, type BulkHostFields } from "@/lib/schemas/host-bulk";
import { hostDataOf } from "@/lib/services/hosts/host-input";

type Value = string | boolean | null;
const json = (v: unknown): Value => (v instanceof Date ? v.toISOString() : (v as Value) ?? null);

/** One host under a bulk edit: the whole host as it would be, and only the fields that differ from the stored row. */
export interface HostEdit {
  row: Host;
  data: HostData;
  changes: BulkEditHostOut["changes"];
}

/** The bulk edit's fields over one stored host (pure). A field already at its new value is no change. */
export function editOf(row: Host, set: BulkHostFields): HostEdit {
  const data = hostDataOf(row);
  const changes: HostEdit["changes"] = {};
  for (const field of bulkHostFieldNames) {
    const after = set[field];
    if (after === undefined) continue;
    const before = json(data[field]);
    if (before === json(after)) continue;
    changes[field] = { before, after: json(after) };
    (data as Record<string, unknown>)[field] = after;
  }
  return { row, data, changes };
}

/** The response's entry for a changed host. */
export function editOut(edit: HostEdit): BulkEditHostOut {
  return { id: edit.row.id, ip_address: edit.row.ipAddress, hostname: edit.row.hostname, changes: edit.changes };
}
