import type { Account, User } from "next-auth";
import { decode, encode, type JWT } from "next-auth/jwt";
import NextAuth from "next-auth";
import * as nextHeaders from "next/headers";
import { authOptions } from "@/lib/auth/options";
import { getAuthSecret } from "@/lib/auth/secret";
import { sessionClaims } from "@/lib/auth/session-claims";
import { storedSessionId } from "@/lib/services/sessions/session-secret";

// Signing in for tests, through the app's real session code: a real
// sessions row and a real next-auth cookie (the encrypted JWT of { sid, uid }).
//
// - signInAs(userId): what next-auth does once a provider accepted the user
//   (our jwt callback creates the row, next-auth's encode makes the cookie).
//   No password needed: a factory-made user with passwordHash "x" works.
// - signInWithPassword / signOut / refreshSession: next-auth's handler with
//   the app's options (what app/api/auth/[...nextauth] serves) for the sign-in form's
//   POST /api/auth/callback/credentials, the sign-out button's
//   POST /api/auth/signout and GET /api/auth/session, CSRF token included, as
//   a browser drives them. These need the test file to stand in for Next's
//   request scope: vi.mock("next/headers", () => import("@/tests/auth/request-scope")).
//
// Send the cookie on a Request to a route handler (`headers: { cookie: s.cookie }`);
// for pages and server actions, through tests/auth/request-scope.ts
// (`setRequest({ cookie: s.cookie })`).

export const SESSION_COOKIE = "next-auth.session-token";
const CSRF_COOKIE = "next-auth.csrf-token";

export interface TestSession {
  /** The Cookie header value: `next-auth.session-token=<jwt>`. */
  cookie: string;
  /** The cookie's value alone (the JWT). */
  token: string;
  /** The secret the JWT carries (never stored). */
  sid: string;
  /** sessions.id (sha256 of sid): what actor.sessionId, currentSessionId() and endUserSessions take. */
  sessionId: string;
}

/** The claims of a session cookie's JWT (decoded with the app's secret), or null. */
export async function decodeSessionToken(token: string): Promise<JWT | null> {
  return decode({ token, secret: getAuthSecret() }).catch(() => null);
}

async function testSession(token: string): Promise<TestSession> {
  const claims = sessionClaims(await decodeSessionToken(token));
  if (!claims) throw new Error("the session cookie carries no { sid, uid }");
  return { cookie: `${SESSION_COOKIE}=${token}`, token, sid: claims.sid, sessionId: storedSessionId(claims.sid) };
}

/** A session for `userId`, as a sign-in through `provider` (next-auth's id: credentials = "local") makes it. */
export async function signInAs(userId: number, provider: "credentials" | "oidc" | "proxy" = "credentials"): Promise<TestSession> {
  const options = authOptions();
  const user: User = { id: String(userId) };
  const account: Account = { provider, type: provider === "oidc" ? "oauth" : "credentials", providerAccountId: String(userId) };
  const claims = (await options.callbacks!.jwt!({ token: {}, user, account, trigger: "signIn" })) as JWT;
  return testSession(await encode({ token: claims, secret: getAuthSecret(), maxAge: options.session!.maxAge }));
}

type Scope = typeof import("@/tests/auth/request-scope");

/**
 * One request to next-auth's handler with the app's options, as
 * app/api/auth/[...nextauth] serves it. next-auth's route-handler entry reads
 * the request through a CommonJS require("next/headers") that no test can
 * stand in for, so this enters through its other door (the same core
 * handler, given the request's cookies and headers directly), inside a
 * stand-in request scope for our own callbacks (the sign-in's address and
 * user agent).
 */
async function authRoute(method: "GET" | "POST", path: string, cookies: Record<string, string>, form?: Record<string, string>): Promise<Response> {
  const scope = nextHeaders as unknown as Partial<Scope>;
  if (!scope.inRequest) throw new Error('mock next/headers first: vi.mock("next/headers", () => import("@/tests/auth/request-scope"))');
  const headers: Record<string, string> = {
    host: "localhost",
    "user-agent": "vitest",
    cookie: Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join("; "),
    ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
  };
  const reply = { status: 200, headers: new Headers(), body: "" as unknown };
  const res = {
    status(code: number) {
      reply.status = code;
      return res;
    },
    getHeader: (name: string) => reply.headers.getSetCookie().length && name.toLowerCase() === "set-cookie" ? reply.headers.getSetCookie() : reply.headers.get(name) ?? undefined,
    setHeader(name: string, value: string | string[]) {
      reply.headers.delete(name);
      for (const v of [value].flat()) reply.headers.append(name, v);
    },
    send(body: unknown) {
      reply.body = body;
    },
    json(body: unknown) {
      reply.body = body;
    },
    end() {},
  };
  const req = { method, headers, cookies, body: form ?? {}, query: { nextauth: path.split("/") } };
  await scope.inRequest({ headers }, () => NextAuth(req as never, res as never, authOptions()));
  const body = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? null);
  return new Response(reply.status === 302 ? null : body, { status: reply.status, headers: reply.headers });
}

/** The value a response sets for cookie `name` ("" when it clears it), or undefined. */
function setCookie(res: Response, name: string): string | undefined {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair.indexOf("=");
    if (pair.slice(0, eq) === name) return pair.slice(eq + 1);
  }
  return undefined;
}

/** next-auth's CSRF double-submit pair: the cookie and the form field. */
async function csrf(): Promise<{ cookie: string; token: string }> {
  const res = await authRoute("GET", "csrf", {});
  const cookie = setCookie(res, CSRF_COOKIE);
  if (!cookie) throw new Error("next-auth set no CSRF cookie");
  return { cookie: decodeURIComponent(cookie), token: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** The sign-in form's POST; null when refused (wrong password, disabled user, …). */
export async function signInWithPassword(email: string, password: string): Promise<TestSession | null> {
  const c = await csrf();
  const res = await authRoute("POST", "callback/credentials", { [CSRF_COOKIE]: c.cookie }, { csrfToken: c.token, email, password, json: "true" });
  const token = setCookie(res, SESSION_COOKIE);
  return token ? testSession(token) : null;
}

/** The sign-out button's POST; returns the session cookie's value in the reply ("" clears it). */
export async function signOut(session: TestSession): Promise<string | undefined> {
  const c = await csrf();
  const res = await authRoute("POST", "signout", { [CSRF_COOKIE]: c.cookie, [SESSION_COOKIE]: session.token }, { csrfToken: c.token, json: "true" });
  return setCookie(res, SESSION_COOKIE);
}

/** GET /api/auth/session: the JSON body and the cookie value set in reply ("" when cleared, undefined when untouched). */
export async function refreshSession(session: TestSession): Promise<{ body: unknown; token: string | undefined }> {
  const res = await authRoute("GET", "session", { [SESSION_COOKIE]: session.token });
  return { body: await res.json(), token: setCookie(res, SESSION_COOKIE) };
}
