import "server-only";
import type { Account, User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { sessionClaims, type SessionClaims } from "@/lib/auth/session-claims";
import { signInRequestInfo } from "@/lib/auth/sign-in-request";
import { createSession } from "@/lib/services/sessions/create-session";
import { endSignedOutSession } from "@/lib/services/sessions/end-signed-out-session";
import { findLiveSession } from "@/lib/services/sessions/find-live-session";
import type { AuthMethod } from "@/lib/services/sessions/session-lifetime";

// next-auth's callbacks, bound to the sessions table. The JWT is only the
// envelope of { sid, uid }; the sessions row decides whether it still counts.

/** next-auth provider id → how the session was started. */
const AUTH_METHODS: Record<string, AuthMethod> = { credentials: "local", oidc: "oidc", proxy: "proxy" };

/**
 * Sign-in through any provider: a sessions row for the user and the claims
 * for the cookie. Every provider's `user.id` is our users.id as a string
 * (credentials' authorize returns it; the OIDC provider resolves its user
 * before returning). Throws, which fails the sign-in, for anything else.
 */
export async function startSession(user: User, account: Account | null): Promise<SessionClaims> {
  const authMethod = account ? AUTH_METHODS[account.provider] : undefined;
  if (!authMethod) throw new Error(`Sign-in through unknown provider ${account?.provider ?? "(none)"}`);
  const uid = Number(user.id);
  if (!Number.isSafeInteger(uid) || uid <= 0) throw new Error("Sign-in without a local user id");
  const sid = await createSession({ userId: uid, authMethod, ...(await signInRequestInfo()) });
  return { sid, uid };
}

/**
 * `/api/auth/session` re-issues the cookie: only while the row is live, so a
 * renewal never outlives the row's absolute end, idle timeout or sign-out.
 * Throwing makes next-auth clear the cookie.
 */
export async function continueSession(token: JWT): Promise<SessionClaims> {
  const claims = sessionClaims(token);
  if (!claims || !(await findLiveSession(claims.sid, claims.uid))) throw new Error("Session ended");
  return claims;
}

/** Sign-out: the row goes, so a saved copy of the cookie is refused from now on. */
export async function endSessionOfToken(token: JWT | null): Promise<void> {
  const claims = sessionClaims(token);
  if (claims) await endSignedOutSession(claims.sid);
}
