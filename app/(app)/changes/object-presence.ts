import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { changeListQuery, type ChangeOut } from "@/lib/schemas/change";
import { listChanges } from "@/lib/services/changes/list-changes";

export const objectKey = (c: Pick<ChangeOut, "object_type" | "object_id">) => `${c.object_type}:${c.object_id}`;

/**
 * The objects of these records that no longer exist, as `objectKey`s: every
 * write is in the log, so an object is gone exactly when its newest record
 * is a delete. One indexed read per distinct object (a page holds at most
 * per_page of them), so the list never links to a 404.
 */
export async function goneObjects(actor: Actor, changes: readonly ChangeOut[]): Promise<Set<string>> {
  const objects = new Map(changes.map((c) => [objectKey(c), c]));
  const gone = new Set<string>();
  await Promise.all(
    [...objects.entries()].map(async ([key, c]) => {
      const newest = await listChanges(actor, changeListQuery.parse({ object_type: c.object_type, object_id: String(c.object_id), per_page: "1" }));
      if (newest.items[0]?.action === "delete") gone.add(key);
    }),
  );
  return gone;
}
