import "server-only";
import { getDb } from "@/lib/db/client";
import { liveSessionWhere } from "@/lib/services/sessions/session-lifetime";

/** Deletes every session past its absolute end or idle timeout; returns how many. */
export async function purgeExpiredSessions(now: number = Date.now()): Promise<number> {
  const live = liveSessionWhere(now);
  const { count } = await getDb().session.deleteMany({
    where: { OR: [{ expiresAt: { lte: live.expiresAt.gt } }, { lastSeenAt: { lte: live.lastSeenAt.gt } }] },
  });
  return count;
}
