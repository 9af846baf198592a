import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { proxyActor } from "@/lib/auth/proxy-auth";
import { hasRole, type Actor, type Role } from "@/lib/auth/roles";
import { decodeSessionCookie, parseCookieHeader, sessionCookieValue } from "@/lib/auth/session-cookie";
import { sessionMethodAllowed } from "@/lib/auth/sign-in-policy";
import { countUsers } from "@/lib/services/users/count-users";
import { findLiveSession, type LiveSession } from "@/lib/services/sessions/find-live-session";

/**
 * The session of this request, if it may act now: the cookie's JWT is valid
 * and its sessions row is live (lib/services/sessions/find-live-session.ts).
 * `headers`: a route handler's request headers; without them, the request
 * scope's cookies (next/headers: pages, layouts, server actions).
 */
export async function getLiveSession(headers?: Headers): Promise<LiveSession | null> {
  if (!headers) return requestScopeSession();
  return sessionOf(parseCookieHeader(headers.get("cookie")));
}

// Once per server render: the layout and the page both ask (React's cache
// memoizes per request while rendering and is a pass-through elsewhere).
const requestScopeSession = cache(async (): Promise<LiveSession | null> =>
  sessionOf(new Map((await cookies()).getAll().map((c) => [c.name, c.value]))));

async function sessionOf(jar: ReadonlyMap<string, string>): Promise<LiveSession | null> {
  const claims = await decodeSessionCookie(sessionCookieValue(jar));
  return claims ? findLiveSession(claims.sid, claims.uid) : null;
}

/**
 * The signed-in user, re-read from the database on every request, so that
 * sign-out, an ended session, a disabled account or a changed role takes
 * effect at once. `actor.sessionId` is the stored session id.
 */
export async function getSessionActor(headers?: Headers): Promise<Actor | null> {
  // AUTH_MODE=proxy: the trusted proxy's header names the user on every request (lib/auth/proxy-auth.ts).
  const proxied = await proxyActor(headers);
  if (proxied) return proxied;
  const live = await getLiveSession(headers);
  // A session started by a way of signing in that AUTH_MODE/LOCAL_LOGIN no longer allow ends here.
  return live && sessionMethodAllowed(live.authMethod, live.actor.role) ? live.actor : null;
}

/** The stored id of this request's live session (what `endUserSessions`'s `exceptSessionId` takes), or null. */
export async function currentSessionId(headers?: Headers): Promise<string | null> {
  return (await getSessionActor(headers))?.sessionId ?? null;
}

/** For pages: sends a new install to /setup and an anonymous visitor to /login. */
export async function requirePageActor(): Promise<Actor> {
  const actor = await getSessionActor();
  if (actor) return actor;
  if ((await countUsers()) === 0) redirect("/setup");
  redirect("/login");
}

/** For server actions: each action calls this itself; a page check is never relied on. */
export async function requireActionActor(role: Role = "viewer"): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) throw new AppError("unauthorized", "Your session has ended; sign in again");
  if (!hasRole(actor.role, role)) throw new AppError("forbidden", `This needs the ${role} role`);
  return actor;
}
