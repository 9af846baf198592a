import { expect } from "vitest";
import { getDb } from "@/lib/db/client";
import type { RouteCase } from "@/tests/authorization/route-request";
import { freshHost } from "@/tests/authorization/fixtures";

// The authorization matrix's calls to the revert routes: editors revert.
// Each call undoes the creation of a host of its own, so an allowed call
// shows its effect (the host is gone) and a refused one leaves it.

async function hostCreation(): Promise<{ hostId: number; changeId: string; requestId: string }> {
  const hostId = Number((await freshHost()).id);
  const row = await getDb().changeLog.findFirstOrThrow({ where: { objectType: "host", objectId: hostId, action: "create" } });
  return { hostId, changeId: String(row.id), requestId: row.requestId };
}

const gone = (hostId: number) => async () => expect(await getDb().host.count({ where: { id: hostId } })).toBe(0);

export const revertCases: RouteCase[] = [
  { key: "POST /changes/[id]/revert", needs: "editor", ok: 200, prepare: async () => {
    const { hostId, changeId } = await hostCreation();
    return { params: { id: changeId }, effect: gone(hostId) };
  } },
  { key: "POST /changes/revert", needs: "editor", ok: 200, prepare: async () => {
    const { hostId, requestId } = await hostCreation();
    return { body: { request_id: requestId }, effect: gone(hostId) };
  } },
];
