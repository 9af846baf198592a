import "server-only";
import { hitCounter } from "@/lib/db/raw";
import { purgeEndedRateLimitsNowAndThen } from "./purge-ended-rate-limits";

export interface HitOptions {
  /** Hits allowed per window (≥ 1). */
  limit: number;
  windowMs: number;
  /** Going over `limit` also locks the key for this long (a sign-in lock-out); none when absent or 0. */
  blockMs?: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Hits counted in the current window, this one included. */
  hits: number;
  limit: number;
  /** Hits left in this window; 0 while blocked. */
  remaining: number;
  /** When the current window ends. */
  resetAt: Date;
  /** Whole seconds until a refused caller may try again; 0 when allowed. */
  retryAfterSeconds: number;
}

/**
 * Counts one hit on `key` and says whether it is allowed: a fixed window of
 * `windowMs` starting at the key's first hit, in the database (one atomic
 * statement), so every instance on the same database shares the count. A
 * refused hit is counted too (the window is not extended by it); while
 * blocked nothing is counted.
 */
export async function hit(key: string, { limit, windowMs, blockMs = 0 }: HitOptions): Promise<RateLimitResult> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`Rate limit for ${key} must be a whole number ≥ 1`);
  const now = Date.now();
  const row = await hitCounter(key, { limit, windowMs, blockMs, now });
  purgeEndedRateLimitsNowAndThen(now);
  const blocked = row.blockedUntil > now;
  const allowed = !blocked && row.hits <= limit;
  // Refused until the lock-out ends, or else until the window does. `now` was
  // read before the statement waited for the row, so a concurrent hit's
  // lock-out may end a moment more than blockMs after it: never say more.
  const longestWait = Math.ceil(Math.max(windowMs, blockMs) / 1000);
  const until = blocked ? Math.max(row.blockedUntil, row.hits > limit ? row.windowEndsAt : 0) : row.windowEndsAt;
  return {
    allowed,
    hits: row.hits,
    limit,
    remaining: blocked ? 0 : Math.max(0, limit - row.hits),
    resetAt: new Date(row.windowEndsAt),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.min(Math.ceil((until - now) / 1000), longestWait)),
  };
}
