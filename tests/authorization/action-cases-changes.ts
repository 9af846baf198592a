import { expect } from "vitest";
import { getDb } from "@/lib/db/client";
import type { ActionCase } from "@/tests/authorization/action-case";
import { freshHost } from "@/tests/authorization/fixtures";

// The server-action matrix's calls to the change log's Revert buttons:
// editors revert. Each call reverts the creation of a fresh host (made by
// the matrix's setup admin, so recorded), so an allowed call deletes it.

const db = () => getDb();

async function freshHostCreation(): Promise<{ hostId: number; changeId: number; requestId: string }> {
  const { id } = await freshHost();
  const record = await db().changeLog.findFirstOrThrow({ where: { objectType: "host", objectId: Number(id), action: "create" } });
  return { hostId: Number(id), changeId: record.id, requestId: record.requestId };
}

const hostGone = (hostId: number) => async () => expect(await db().host.count({ where: { id: hostId } })).toBe(0);

export const changesActionCases: ActionCase[] = [
  { key: "(app)/changes#revertChangeAction", needs: "editor", prepare: async () => {
    const { hostId, changeId } = await freshHostCreation();
    return { args: [changeId, { change_message: "matrix revert" }], effect: hostGone(hostId) };
  } },
  { key: "(app)/changes#revertRequestAction", needs: "editor", prepare: async () => {
    const { hostId, requestId } = await freshHostCreation();
    return { args: [{ request_id: requestId }], effect: hostGone(hostId) };
  } },
];
