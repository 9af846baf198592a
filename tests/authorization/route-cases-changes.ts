import { getDb } from "@/lib/db/client";
import type { RouteCase } from "@/tests/authorization/route-request";
import { freshHost, next } from "@/tests/authorization/fixtures";
import { createUser } from "@/lib/services/users/create-user";

// The authorization matrix's calls to the change log's read routes: viewers
// read; a user's (or token's) record is an admin's only, "not found" to others.

async function recordOf(objectType: string, objectId: string): Promise<string> {
  const row = await getDb().changeLog.findFirstOrThrow({ where: { objectType, objectId: Number(objectId) }, orderBy: { id: "desc" } });
  return String(row.id);
}

export const changeCases: RouteCase[] = [
  { key: "GET /changes", needs: "viewer", ok: 200 },
  { key: "GET /changes/groups", needs: "viewer", ok: 200 },
  { key: "GET /changes/[id]", variant: "a host's record", needs: "viewer", ok: 200, prepare: async () =>
    ({ params: { id: await recordOf("host", (await freshHost()).id) } }) },
  { key: "GET /changes/[id]", variant: "a user's record", needs: "admin", ok: 200, denied: 404, prepare: async () => {
    const user = await createUser(null, { email: `logged-${next()}@example.test`, role: "viewer" });
    return { params: { id: await recordOf("user", String(user.id)) } };
  } },
];
