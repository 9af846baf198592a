import "server-only";
import type { ChangeRow } from "@/components/changes/change-rows";
import type { Actor } from "@/lib/auth/roles";
import type { ChangeListQuery, ChangePage } from "@/lib/schemas/change";
import { listChangeGroups } from "@/lib/services/changes/list-change-groups";
import { listChanges } from "@/lib/services/changes/list-changes";
import { goneObjects, objectKey } from "./object-presence";

/** One request's records or one object's history list records; any other query lists requests. */
export const listsRecords = (query: Pick<ChangeListQuery, "request_id" | "object_id">): boolean => Boolean(query.request_id || query.object_id);

/**
 * The rows of the /changes table. One request's records, or one object's
 * history: a row per record. Anything else: a row per request, newest
 * first, where a request of one record shows that record and a request of
 * many ("admin imported 10,000 hosts") is one row that opens as its records.
 */
export async function loadChangeRows(actor: Actor, query: ChangeListQuery): Promise<ChangePage<ChangeRow>> {
  if (listsRecords(query)) {
    const page = await listChanges(actor, query);
    const gone = await goneObjects(actor, page.items);
    return { ...page, items: page.items.map((change) => ({ id: change.id, kind: "record", change, gone: gone.has(objectKey(change)) })) };
  }
  const groups = await listChangeGroups(actor, query);
  const singles = await Promise.all(
    groups.items.map((g) => (g.count === 1 ? listChanges(actor, { ...query, request_id: g.request_id, page: 1, per_page: 1 }).then((p) => p.items[0]) : undefined)),
  );
  const gone = await goneObjects(actor, singles.filter((c) => c !== undefined));
  const items = groups.items.map((group, i): ChangeRow => {
    const change = singles[i];
    return change ? { id: i, kind: "record", change, gone: gone.has(objectKey(change)) } : { id: i, kind: "group", group };
  });
  return { ...groups, items };
}
