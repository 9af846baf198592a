import "server-only";
import type { Tx } from "@/lib/db/client";
import { endUserSessions } from "@/lib/services/sessions/end-user-sessions";

/**
 * Ends a user's signed-in sessions as part of a change to their rights or
 * credentials (role, disabled, password), in the same transaction, so the
 * change and the end of the sessions commit together.
 */
export async function endSessionsOf(tx: Tx, userId: number, exceptSessionId?: string): Promise<void> {
  await endUserSessions(userId, { tx, ...(exceptSessionId ? { exceptSessionId } : {}) });
}
