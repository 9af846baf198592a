import "server-only";
import { getDb, type Tx } from "@/lib/db/client";

/**
 * Ends every session of a user at once, except `exceptSessionId` (the stored
 * id, e.g. `actor.sessionId` when users change their own password and stay
 * signed in here). The users services call it on disable, password change or
 * reset, and role change; they authorize, this does not. Returns how many ended.
 */
export async function endUserSessions(userId: number, opts: { exceptSessionId?: string; tx?: Tx } = {}): Promise<number> {
  const { count } = await (opts.tx ?? getDb()).session.deleteMany({
    where: { userId, ...(opts.exceptSessionId ? { id: { not: opts.exceptSessionId } } : {}) },
  });
  return count;
}
