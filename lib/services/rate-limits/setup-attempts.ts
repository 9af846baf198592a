import "server-only";
import { AppError } from "@/lib/errors";
import { hit } from "./hit";

// /setup needs no session and, until the first admin exists, every try
// hashes a password (a quarter second of CPU): a few tries per address,
// enough for typos, not for keeping the server busy.
const SETUP_ATTEMPTS = 10;
const SETUP_WINDOW_MS = 15 * 60_000;

/** Counts a setup attempt from `address` (null: unknown, all such callers share one budget); 429 over the limit. */
export async function limitSetupAttempt(address: string | null): Promise<void> {
  const result = await hit(`setup:address:${address ?? "unknown"}`, { limit: SETUP_ATTEMPTS, windowMs: SETUP_WINDOW_MS });
  if (!result.allowed) {
    throw new AppError("rate_limited", `Too many setup attempts; try again in ${Math.ceil(result.retryAfterSeconds / 60)} min`, {
      retry_after_seconds: result.retryAfterSeconds,
    });
  }
}
