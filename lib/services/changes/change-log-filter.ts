import "server-only";
import { hasRole, type Actor } from "@/lib/auth/roles";
import { changeObjectTypes, type ChangeObjectType } from "@/lib/db/change-tracked-tables";
import { actorNamesMatching, type ChangeLogFilter } from "@/lib/db/raw/change-log-queries";
import type { Queryable } from "@/lib/db/raw/types";
import type { ChangeListQuery } from "@/lib/schemas/change";

// Who may read which records, and a list query as the SQL filter: shared by
// the record list, the request groups and the single record.

/** Users' and tokens' records name people and credentials: admins only, as /users and everyone's tokens are. */
export const ADMIN_ONLY_CHANGE_TYPES: readonly ChangeObjectType[] = ["user", "api_token"];

export function canReadChangesOf(actor: Actor, objectType: string): boolean {
  return hasRole(actor.role, "admin") || !ADMIN_ONLY_CHANGE_TYPES.includes(objectType as ChangeObjectType);
}

/** The SQL filter of `query` for `actor`, or null when nothing can match (no need to ask the database). */
export async function changeLogFilter(q: Queryable, actor: Actor, query: Omit<ChangeListQuery, "page" | "per_page">): Promise<ChangeLogFilter | null> {
  if (query.object_type && !canReadChangesOf(actor, query.object_type)) return null;
  const visibleTypes = hasRole(actor.role, "admin") ? undefined : changeObjectTypes.filter((t) => canReadChangesOf(actor, t));
  const actorNames = query.actor ? await actorNamesMatching(q, query.actor) : undefined;
  if (actorNames?.length === 0) return null;
  return {
    visibleTypes, actorNames,
    objectType: query.object_type, objectId: query.object_id, action: query.action, requestId: query.request_id,
    since: query.since, until: query.until, q: query.q ?? undefined,
  };
}
