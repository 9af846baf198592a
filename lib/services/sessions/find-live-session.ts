import "server-only";
import { getDb } from "@/lib/db/client";
import { findSessionForAuth } from "@/lib/db/raw";
import { roleSchema, type Actor } from "@/lib/auth/roles";
import { storedSessionId } from "@/lib/services/sessions/session-secret";
import { isSessionLive, type AuthMethod } from "@/lib/services/sessions/session-lifetime";

// lastSeenAt is written at most once a minute per session, so browsing does
// not turn every page view into a database write.
const TOUCH_GRANULARITY_MS = 60_000;

export interface LiveSession {
  actor: Actor & { sessionId: string };
  authMethod: AuthMethod;
  expiresAt: Date;
}

/**
 * The session a cookie's claims name, if it may act now: the row exists
 * (sign-out, endUserSessions and user deletion remove it), belongs to `uid`,
 * is before its absolute end and within the idle timeout, and its user is
 * not disabled. Sessions are tied to the user id, so a deleted and re-created
 * email never inherits one. Touches lastSeenAt (at most once a minute).
 */
export async function findLiveSession(sid: string, uid: number): Promise<LiveSession | null> {
  const id = storedSessionId(sid);
  const row = await findSessionForAuth(id);
  const now = Date.now();
  if (!row || row.userId !== uid || row.user.disabled || !isSessionLive(row, now)) return null;
  const role = roleSchema.safeParse(row.user.role);
  if (!role.success) return null;
  if (now - row.lastSeenAt.getTime() >= TOUCH_GRANULARITY_MS) {
    // Conditional, so concurrent requests of one session write once.
    await getDb().session.updateMany({
      where: { id, lastSeenAt: { lt: new Date(now - TOUCH_GRANULARITY_MS) } },
      data: { lastSeenAt: new Date(now) },
    });
  }
  return {
    actor: { kind: "user", id: row.userId, name: row.user.name ?? row.user.email, role: role.data, sessionId: id },
    authMethod: row.authMethod as AuthMethod,
    expiresAt: row.expiresAt,
  };
}
