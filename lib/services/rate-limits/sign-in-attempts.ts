import "server-only";
import { createHash } from "node:crypto";
import { loadEnv } from "@/lib/env";
import { hit } from "./hit";
import { refund } from "./refund";

// Password guessing is slowed per account and per client address. Every
// attempt RESERVES a hit on both counters before any bcrypt work, in one
// atomic statement each, so 50 parallel guesses make at most `limit`
// bcrypt calls; a sign-in that succeeds gives its reservation back, so only
// failures count (LOGIN_* in lib/env.ts):
// - the account: LOGIN_MAX_FAILURES per LOGIN_WINDOW_MINUTES, one more and
//   it is locked for LOGIN_LOCKOUT_MINUTES;
// - the address: LOGIN_ADDRESS_MAX_FAILURES per window, over any accounts
//   (spraying one password across many), without a lock-out, so one
//   office behind a NAT is not shut out for long.

/** The account's counter. The email is normalised as emailSchema does and hashed: guessed addresses are not stored. */
export function signInAccountKey(email: string): string {
  return `signin:account:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;
}

/** The client address's counter; every caller whose address is unknown shares "unknown". */
export function signInAddressKey(address: string | null): string {
  return `signin:address:${address ?? "unknown"}`;
}

export type SignInReservation =
  | { allowed: true; succeeded: () => Promise<void> }
  | { allowed: false; retryAfterSeconds: number };

/**
 * Reserves one sign-in attempt for `email` (null when the request names
 * none) from `address`. The account is asked first: an attempt it refuses
 * never reaches the password check, so it is no guess and costs the
 * address nothing (one account hammered from an office's NAT does not shut
 * out the office); one the address refuses gives the account's reservation back.
 */
export async function reserveSignInAttempt(email: string | null, address: string | null): Promise<SignInReservation> {
  const env = loadEnv();
  const reserved: string[] = [];
  if (email !== null) {
    const byAccount = await reserveAccountAttempt(email);
    if (!byAccount.allowed) return byAccount;
    reserved.push(signInAccountKey(email));
  }
  const addressKey = signInAddressKey(address);
  const byAddress = await hit(addressKey, { limit: env.LOGIN_ADDRESS_MAX_FAILURES, windowMs: env.LOGIN_WINDOW_MINUTES * 60_000 });
  if (!byAddress.allowed) {
    await Promise.all(reserved.map(refund));
    return { allowed: false, retryAfterSeconds: byAddress.retryAfterSeconds };
  }
  reserved.push(addressKey);
  return { allowed: true, succeeded: async () => void (await Promise.all(reserved.map(refund))) };
}

/**
 * Reserves one check of `email`'s password on the account's counter alone:
 * also used where a signed-in user re-enters their password (/account), so a
 * stolen session cannot guess it faster than the sign-in form could.
 */
export async function reserveAccountAttempt(email: string): Promise<SignInReservation> {
  const env = loadEnv();
  const key = signInAccountKey(email);
  const result = await hit(key, {
    limit: env.LOGIN_MAX_FAILURES, windowMs: env.LOGIN_WINDOW_MINUTES * 60_000, blockMs: env.LOGIN_LOCKOUT_MINUTES * 60_000,
  });
  if (!result.allowed) return { allowed: false, retryAfterSeconds: result.retryAfterSeconds };
  return { allowed: true, succeeded: () => refund(key) };
}
