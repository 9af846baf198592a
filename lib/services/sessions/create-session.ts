import "server-only";
import { getDb } from "@/lib/db/client";
import { newSessionSecret, storedSessionId } from "@/lib/services/sessions/session-secret";
import { sessionLifetime, type AuthMethod } from "@/lib/services/sessions/session-lifetime";
import { purgeExpiredSessions } from "@/lib/services/sessions/purge-expired-sessions";

export interface NewSession {
  userId: number;
  authMethod: AuthMethod;
  ipAddress: string | null;
  userAgent: string | null;
}

const MAX_USER_AGENT = 256;
const MAX_IP = 64;

/**
 * Starts a session at sign-in (any provider) and returns its secret `sid`,
 * which only the cookie's JWT carries. The row's expiresAt is the absolute
 * end: renewing the cookie never moves it. A missing or disabled user gets no
 * session (the update finds no row and the transaction rolls back).
 */
export async function createSession(input: NewSession): Promise<string> {
  const sid = newSessionSecret();
  const now = new Date();
  const db = getDb();
  await db.$transaction([
    db.session.create({
      data: {
        id: storedSessionId(sid),
        userId: input.userId,
        authMethod: input.authMethod,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + sessionLifetime().maxAgeMs),
        ipAddress: input.ipAddress?.slice(0, MAX_IP) ?? null,
        userAgent: input.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
      },
    }),
    db.user.update({ where: { id: input.userId, disabled: false }, data: { lastLoginAt: now } }),
  ]);
  // Sign-ins are rare next to requests: a good moment to drop dead rows.
  await purgeExpiredSessions(now.getTime());
  return sid;
}
