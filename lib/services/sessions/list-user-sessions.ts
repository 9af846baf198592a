import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import type { SessionOut } from "@/lib/schemas/session";
import { authorizeSessionsOf } from "@/lib/services/sessions/authorize-sessions-of";
import { liveSessionWhere, type AuthMethod } from "@/lib/services/sessions/session-lifetime";
import { sessionLabel } from "@/lib/services/sessions/session-secret";

/** The live sessions of `userId`, most recently used first: a user's own, or any user's for an admin. */
export async function listUserSessions(actor: Actor, userId: number): Promise<SessionOut[]> {
  authorizeSessionsOf(actor, userId);
  const rows = await getDb().session.findMany({
    where: { userId, ...liveSessionWhere() },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    id: sessionLabel(row.id),
    auth_method: row.authMethod as AuthMethod,
    created_at: row.createdAt.toISOString(),
    last_seen_at: row.lastSeenAt.toISOString(),
    expires_at: row.expiresAt.toISOString(),
    ip_address: row.ipAddress,
    user_agent: row.userAgent,
    current: row.id === actor.sessionId,
  }));
}
