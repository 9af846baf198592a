import { loadEnv } from "@/lib/env";

export type AuthMethod = "local" | "oidc" | "proxy";

/** SESSION_MAX_AGE_HOURS (absolute, whatever the activity) and SESSION_IDLE_MINUTES, in ms. */
export function sessionLifetime(): { maxAgeMs: number; idleMs: number } {
  const env = loadEnv();
  return { maxAgeMs: env.SESSION_MAX_AGE_HOURS * 3_600_000, idleMs: env.SESSION_IDLE_MINUTES * 60_000 };
}

/**
 * THE liveness rule, for the request check, the session list and the purge:
 * before the absolute end, and used within the idle timeout.
 */
export function isSessionLive(row: { expiresAt: Date; lastSeenAt: Date }, now: number = Date.now()): boolean {
  const { idleMs } = sessionLifetime();
  return row.expiresAt.getTime() > now && row.lastSeenAt.getTime() + idleMs > now;
}

/** The same rule as a Prisma filter (rows still live at `now`). */
export function liveSessionWhere(now: number = Date.now()) {
  const { idleMs } = sessionLifetime();
  return { expiresAt: { gt: new Date(now) }, lastSeenAt: { gt: new Date(now - idleMs) } };
}
