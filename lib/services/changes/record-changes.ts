import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/client";
import { captureMark, insertChangeRecords, takeCapturedRows, type CapturedRow, type ChangeRecordRow } from "@/lib/db/raw/change-log";
import { buildChanges, capturedUserEmails, tokenOwnerIds } from "@/lib/services/changes/build-changes";
import { currentChangeContext, type ChangeContext } from "@/lib/services/changes/change-context";

// THE one place change records are written: called at the end of every
// write transaction (inWriteTransaction, the importer's transaction, a
// restore) with whoever made it. It reads what the triggers captured in
// this transaction, so a write is recorded whichever code path made it.

/**
 * Who made a change: a signed-in user, an API token, the app itself on
 * someone's behalf (`{ kind: "system", name: "single sign-on" }`), or null
 * for the admin CLI and a restore.
 */
export type ChangeAuthor = Actor | { kind: "system"; name: string } | null;

function actorColumns(author: ChangeAuthor, context: ChangeContext) {
  if (!author) return { actorKind: "system", actorId: null, actorName: context.source === "restore" ? "restore" : "admin CLI" };
  if (author.kind === "system") return { actorKind: "system", actorId: null, actorName: author.name };
  return { actorKind: author.kind, actorId: author.id, actorName: author.name };
}

/** A write made outside the app's transactions (SQL typed into the database by hand) is recorded too, as this. */
export const DIRECT_WRITE_AUTHOR: ChangeAuthor = { kind: "system", name: "direct database write" };

export interface ChangeRecorder {
  /** Writes the change records of this transaction's captured rows, as `author`; returns how many. */
  record(author: ChangeAuthor, context?: ChangeContext): Promise<number>;
}

/** Call first in a write transaction that records its own changes (inWriteTransaction, the importer). */
export async function startRecordingChanges(tx: Tx): Promise<ChangeRecorder> {
  const mark = await captureMark(tx);
  return {
    async record(author, context = currentChangeContext()) {
      const captured = await takeCapturedRows(tx);
      if (captured.length === 0) return 0;
      const stray = captured.filter((r) => r.id <= mark);
      const own = stray.length ? captured.filter((r) => r.id > mark) : captured;
      const emails = capturedUserEmails(captured);
      const unknown = tokenOwnerIds(captured).filter((id) => !emails.has(id));
      if (unknown.length) {
        for (const u of await tx.user.findMany({ where: { id: { in: unknown } }, select: { id: true, email: true } })) emails.set(u.id, u.email);
      }
      const rows = [
        ...changeRecordRows(stray, DIRECT_WRITE_AUTHOR, { requestId: randomUUID(), source: "cli", message: null }, emails),
        ...changeRecordRows(own, author, context, emails),
      ];
      await insertChangeRecords(tx, rows);
      return rows.length;
    },
  };
}

/**
 * The change_log rows for captured row images (pure; a restore, which writes
 * on its own connection, calls this directly). `emails`: the owners of
 * captured tokens that are not among the captured users.
 */
export function changeRecordRows(captured: readonly CapturedRow[], author: ChangeAuthor, context: ChangeContext | undefined, emails = new Map<number, string>()): ChangeRecordRow[] {
  const known = new Map([...emails, ...capturedUserEmails(captured)]);
  const changes = buildChanges(captured, { ownerEmail: (id) => known.get(id) ?? null });
  if (changes.length === 0) return [];
  const ctx: ChangeContext = context ?? { requestId: randomUUID(), source: author?.kind === "user" || author?.kind === "token" ? "api" : "cli", message: null };
  const time = new Date();
  const actor = actorColumns(author, ctx);
  return changes.map((c) => ({
    time, ...actor, source: ctx.source, requestId: ctx.requestId, message: ctx.message,
    action: c.action, objectType: c.objectType, objectId: c.objectId, objectRepr: c.objectRepr,
    before: c.before ? JSON.stringify(c.before) : null, after: c.after ? JSON.stringify(c.after) : null,
  }));
}
