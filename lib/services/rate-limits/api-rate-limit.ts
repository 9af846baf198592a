import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { loadEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { BatchedCounter } from "./batched-counter";
import type { RateLimitResult } from "./hit";

// API calls per minute, per token and per signed-in user (API_RATE_LIMIT;
// 0 turns it off). Decided in this process without waiting for the
// database, the counts written in batches every API_RATE_LIMIT_FLUSH_MS
// (./batched-counter: exact per process; instances share the count with a
// lag of about one interval). A call over the limit is answered 429 before
// anything else is done. Sign-in limits stay exact and synchronous (./hit).

const WINDOW_MS = 60_000;
const counter = new BatchedCounter();

/** The caller's counter: each token, and each signed-in user over all their browser sessions. */
export function apiRateLimitKey(actor: Pick<Actor, "kind" | "id">): string {
  return `api:${actor.kind}:${actor.id}`;
}

/** Counts this call for `actor`; null when API_RATE_LIMIT is 0 (no limit, no RateLimit-* headers). */
export function countApiCall(actor: Actor): RateLimitResult | null {
  const env = loadEnv();
  const limit = env.API_RATE_LIMIT;
  return limit === 0 ? null : counter.hit(apiRateLimitKey(actor), { limit, windowMs: WINDOW_MS, flushIntervalMs: env.API_RATE_LIMIT_FLUSH_MS });
}

/** Writes every pending API call count now and waits for it (tests; a graceful shutdown). */
export function flushApiCallCounts(): Promise<void> {
  return counter.flushAll();
}

/** The 429 for a refused call; lib/api/rate-limit-headers adds Retry-After. */
export function apiRateLimited(result: RateLimitResult): AppError {
  return new AppError("rate_limited", `Over the limit of ${result.limit} API requests per minute; retry in ${result.retryAfterSeconds} s`, {
    retry_after_seconds: result.retryAfterSeconds,
  });
}
