import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { headers as requestHeaders } from "next/headers";
import type { Actor } from "@/lib/auth/roles";
import { roleForGroups } from "@/lib/auth/role-map";
import { loadEnv, type Env } from "@/lib/env";
import { inCidrList } from "@/lib/http/cidr-list";
import { peerAddress } from "@/lib/http/client-address";
import { externalEmail, provisionExternalUser, type ExternalIdentity } from "@/lib/services/users/provision-external-user";

// AUTH_MODE=proxy: oauth2-proxy, Authelia, Authentik outposts and the like
// sign the user in and name them in a header on every request. Anyone can
// send that header, so it counts only from a direct peer in TRUSTED_PROXIES
// (the socket address our server recorded, never X-Forwarded-For) and, when
// PROXY_AUTH_SECRET is set, with that secret beside it. The identity is read
// per request: when the header stops coming, so does the user (NetBox keeps
// such sessions; we don't).

/** A proxy user touches last_login_at at most this often (every request signs in). */
const TOUCH_AFTER_MS = 5 * 60_000;

/** The identity the proxy asserts for this request, or null when there is none we may believe. */
export function proxyIdentity(headers: Headers, env: Env = loadEnv()): ExternalIdentity | null {
  if (env.AUTH_MODE !== "proxy") return null;
  if (!inCidrList(peerAddress(headers), env.TRUSTED_PROXIES)) return null;
  if (env.PROXY_AUTH_SECRET !== undefined && !sameSecret(headers.get(env.PROXY_AUTH_SECRET_HEADER), env.PROXY_AUTH_SECRET)) return null;
  const user = headers.get(env.PROXY_AUTH_USER_HEADER)?.trim();
  if (!user) return null;
  const groups = env.PROXY_AUTH_GROUPS_HEADER ? listHeader(headers.get(env.PROXY_AUTH_GROUPS_HEADER)) : [];
  return {
    source: "proxy",
    externalId: `proxy|${user}`,
    email: externalEmail(env.PROXY_AUTH_EMAIL_HEADER ? headers.get(env.PROXY_AUTH_EMAIL_HEADER) : null) ?? externalEmail(user),
    name: null,
    role: roleForGroups(groups, env.OIDC_ROLE_MAP, env.OIDC_DEFAULT_ROLE),
  };
}

/**
 * The user a trusted proxy signs in on this request (created on first sight,
 * role from the groups header), or null. `headers`: a route handler's
 * request headers; without them, the request scope's (next/headers).
 */
export async function proxyActor(headers?: Headers): Promise<Actor | null> {
  if (loadEnv().AUTH_MODE !== "proxy") return null;
  const identity = proxyIdentity(headers ?? (await requestHeaders()));
  if (!identity) return null;
  const result = await provisionExternalUser(identity, { touchAfterMs: TOUCH_AFTER_MS });
  return result.ok ? result.actor : null;
}

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
function sameSecret(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** "a, b,c" → ["a", "b", "c"] (oauth2-proxy, Authelia and Authentik all send comma-separated groups). */
function listHeader(value: string | null): string[] {
  return (value ?? "").split(",").map((item) => item.trim()).filter(Boolean);
}
