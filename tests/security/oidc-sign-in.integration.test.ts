import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import NextAuth from "next-auth";
import { useTestDatabase } from "@/tests/db";
import { inRequest } from "@/tests/auth/request-scope";
import { decodeSessionToken } from "@/tests/auth/session";
import { CLIENT, startTestIdp, type TestIdp } from "@/tests/auth/test-idp";
import { authOptions } from "@/lib/auth/options";
import { sessionClaims } from "@/lib/auth/session-claims";
import { getDb } from "@/lib/db/client";
import { overrideEnv } from "@/lib/env";

// Issue 11 B.3, OIDC against a real identity provider (oidc-provider on
// 127.0.0.1, in this process), through next-auth's own handler with the
// app's options, as app/api/auth/[...nextauth] serves it: the code flow with
// PKCE and state, user creation, group → role, demotion at the next sign-in,
// a forged state and an IdP that is not OIDC_ISSUER. The browser's part
// (following redirects, keeping cookies per site) is done by hand here;
// e2e/sso-oidc.spec.ts does it with a browser and a production server.

vi.mock("next/headers", () => import("@/tests/auth/request-scope"));

useTestDatabase();

const APP = "http://app.test";
const saved = { ...process.env };
let idp: TestIdp;
let strangerIdp: TestIdp;

beforeAll(async () => {
  const accounts = new Map([
    ["alice", { email: "alice@example.test", name: "Alice", groups: ["staff", "ipam-editors"] }],
    ["bob", { email: "bob@example.test", name: "Bob", groups: ["ipam-admins"] }],
  ]);
  idp = await startTestIdp(accounts);
  idp.register(APP);
  strangerIdp = await startTestIdp(accounts);
  // The server at this URL calls itself another issuer (discovery and tokens alike).
  strangerIdp.register(APP, { issuer: strangerIdp.url.replace("127.0.0.1", "localhost") });
});
afterAll(async () => {
  await idp?.stop();
  await strangerIdp?.stop();
});
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  overrideEnv(saved as Record<string, string>);
});

function useIssuer(issuer: string, extra: Record<string, string> = {}): void {
  overrideEnv({
    NEXTAUTH_URL: APP, AUTH_MODE: "oidc", OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT.id, OIDC_CLIENT_SECRET: CLIENT.secret,
    OIDC_ROLE_MAP: "ipam-admins=admin,ipam-editors=editor", OIDC_DEFAULT_ROLE: "viewer", ...extra,
  });
}

type Jar = Map<string, string>;

/**
 * next-auth's handler with the app's options, for one request to
 * /api/auth/<path> (through its pages-API door, as tests/auth/session.ts
 * does), inside a stand-in request scope for our callbacks. Keeps the
 * cookies it sets in `jar`; returns where it redirects and its body.
 */
async function app(method: "GET" | "POST", path: string, jar: Jar, { query = {}, body }: { query?: Record<string, string>; body?: Record<string, string> } = {}) {
  const headers = { host: "app.test", "user-agent": "vitest", cookie: [...jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("; ") };
  const reply = { status: 200, headers: new Headers(), body: undefined as unknown };
  const res = {
    status(code: number) {
      reply.status = code;
      return res;
    },
    getHeader: (name: string) => (name.toLowerCase() === "set-cookie" ? reply.headers.getSetCookie() : reply.headers.get(name) ?? undefined),
    setHeader(name: string, value: string | string[]) {
      reply.headers.delete(name);
      for (const v of [value].flat()) reply.headers.append(name, v);
      return res;
    },
    send: (data: unknown) => void (reply.body = data),
    json: (data: unknown) => void (reply.body = data),
    end() {},
  };
  const req = { method, headers, cookies: Object.fromEntries(jar), body: body ?? {}, query: { ...query, nextauth: path.split("/") } };
  await inRequest({ headers }, () => NextAuth(req as never, res as never, authOptions()));
  for (const line of reply.headers.getSetCookie()) {
    const [pair, ...attributes] = line.split(";");
    const eq = pair.indexOf("=");
    const cleared = pair.slice(eq + 1) === "" || attributes.some((a) => /^\s*max-age=0$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
    if (cleared) jar.delete(pair.slice(0, eq));
    else jar.set(pair.slice(0, eq), decodeURIComponent(pair.slice(eq + 1)));
  }
  const json = reply.body as { url?: string; csrfToken?: string } | undefined;
  return { redirect: reply.headers.get("location") ?? json?.url ?? null, body: json };
}

/** A request to the IdP, keeping its cookies in `jar`; the redirect target, if any. */
async function atIdp(url: string, jar: Jar, form?: Record<string, string>): Promise<string | null> {
  const res = await fetch(url, {
    method: form ? "POST" : "GET", redirect: "manual",
    headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "), ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
    body: form ? new URLSearchParams(form) : undefined,
  });
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair.indexOf("=");
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  await res.arrayBuffer();
  const location = res.headers.get("location");
  return location ? new URL(location, url).toString() : null;
}

interface Outcome {
  /** Where next-auth sent the browser after the callback. */
  redirect: string;
  /** The session cookie's claims, when a session was made. */
  claims: { sid: string; uid: number } | null;
}

/**
 * The whole sign-in: the button's POST /api/auth/signin/oidc, the IdP's login
 * form (login name), its redirect back, and GET /api/auth/callback/oidc.
 * `tamper` may change the callback's query (a forged state).
 */
async function signIn(login: string, tamper: (query: Record<string, string>) => void = () => {}): Promise<Outcome> {
  const browser: Jar = new Map();
  const idpJar: Jar = new Map();
  const csrf = await app("GET", "csrf", browser);
  const started = await app("POST", "signin/oidc", browser, { body: { csrfToken: csrf.body!.csrfToken!, callbackUrl: `${APP}/`, json: "true" } });
  let next: string | null = started.redirect!;
  expect(new URL(next).searchParams.get("code_challenge_method")).toBe("S256");
  expect(new URL(next).searchParams.get("state")).toBeTruthy();
  while (next && !next.startsWith(APP)) {
    next = new URL(next).pathname.startsWith("/interaction/") && !idpJar.has("_interaction_seen")
      ? (idpJar.set("_interaction_seen", "1"), await atIdp(next, idpJar, { login }))
      : await atIdp(next, idpJar);
  }
  expect(next).toMatch(`${APP}/api/auth/callback/oidc?`);
  const query = Object.fromEntries(new URL(next!).searchParams);
  tamper(query);
  const done = await app("GET", "callback/oidc", browser, { query });
  const token = browser.get("next-auth.session-token");
  return { redirect: done.redirect ?? "", claims: token ? sessionClaims(await decodeSessionToken(token)) : null };
}

const userOf = (sub: string, issuer = idp.url) => getDb().user.findUnique({ where: { externalId: `${issuer}|${sub}` } });

describe("OIDC sign-in against a real identity provider", () => {
  it("creates the user with the role of their groups and starts a session for our user id", async () => {
    useIssuer(idp.url);
    const outcome = await signIn("alice");
    expect(outcome.redirect).toBe(`${APP}/`);
    const alice = await userOf("alice");
    expect(alice).toMatchObject({ email: "alice@example.test", name: "Alice", role: "editor", authSource: "oidc" });
    expect(outcome.claims?.uid).toBe(alice!.id);
    expect(await getDb().session.count({ where: { userId: alice!.id, authMethod: "oidc" } })).toBe(1);

    await signIn("bob");
    expect((await userOf("bob"))?.role).toBe("admin");
  });

  it("re-evaluates the role at the next sign-in: leaving the group demotes and ends the old sessions", async () => {
    useIssuer(idp.url);
    // A local break-glass admin: bob is not the last admin, so he may be demoted.
    await getDb().user.create({ data: { email: `break-glass-${Date.now()}@example.test`, role: "admin", passwordHash: "x" } });
    await signIn("bob");
    const bob = (await userOf("bob"))!;
    const before = await getDb().session.findMany({ where: { userId: bob.id } });
    expect(before.length).toBeGreaterThan(0);
    idp.accounts.get("bob")!.groups = ["staff"];
    try {
      const outcome = await signIn("bob");
      expect((await userOf("bob"))?.role).toBe("viewer");
      const after = await getDb().session.findMany({ where: { userId: bob.id } });
      // Only the session of this sign-in remains.
      expect(after).toHaveLength(1);
      expect(before.map((s) => s.id)).not.toContain(after[0].id);
      expect(outcome.claims?.uid).toBe(bob.id);
    } finally {
      idp.accounts.get("bob")!.groups = ["ipam-admins"];
    }
  });

  it("with OIDC_DEFAULT_ROLE=none, a user in no mapped group is sent back to the login page and not created", async () => {
    useIssuer(idp.url, { OIDC_DEFAULT_ROLE: "none", OIDC_ROLE_MAP: "ipam-admins=admin" });
    const outcome = await signIn("alice");
    expect(outcome).toEqual({ redirect: "/login?error=sso_no_role", claims: null });
  });

  it("refuses a callback whose state is not the browser's: no session, no user change", async () => {
    useIssuer(idp.url);
    const sessions = await getDb().session.count();
    const outcome = await signIn("alice", (query) => (query.state = "forged-by-an-attacker"));
    expect(outcome.claims).toBeNull();
    expect(outcome.redirect).toContain("error=OAuthCallback");
    expect(await getDb().session.count()).toBe(sessions);
  });

  it("refuses an IdP that names another issuer than OIDC_ISSUER: nobody signed in or created", async () => {
    useIssuer(strangerIdp.url);
    const users = await getDb().user.count();
    const outcome = await signIn("alice");
    expect(outcome.claims).toBeNull();
    expect(outcome.redirect).toContain("error=OAuthCallback");
    expect(await getDb().user.count()).toBe(users);
  });
});
