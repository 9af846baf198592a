import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { setRequest } from "@/tests/auth/request-scope";
import { getDb } from "@/lib/db/client";
import { overrideEnv } from "@/lib/env";
import { hashPassword } from "@/lib/auth/password";
import { signInFailureMessage } from "@/lib/auth/too-many-sign-in-attempts";
import { peerHeaderValue, PEER_HEADER } from "@/lib/http/peer-header";
import { signInAccountKey } from "@/lib/services/rate-limits/sign-in-attempts";

// Password sign-in through the real route (app/api/auth/[...nextauth]),
// next-auth's handler, CSRF check and credentials provider included: only
// Next's request scope is stood in for. bcrypt is the real one, watched by a
// spy, so the tests count how many attempts reached it.

vi.mock("next/headers", () => import("@/tests/auth/request-scope"));
// next-auth is loaded by Node itself, not through vitest, and require()s
// next/headers when called: its cache entry gets the same stand-in.
const nodeRequire = createRequire(import.meta.url);
const nextHeadersPath = nodeRequire.resolve("next/headers");
nodeRequire.cache[nextHeadersPath] = { id: nextHeadersPath, filename: nextHeadersPath, loaded: true, exports: await import("@/tests/auth/request-scope") } as NodeJS.Module;
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});
const { verifyPassword } = await import("@/lib/auth/password");
const route = await import("@/app/api/auth/[...nextauth]/route");

useTestDatabase();
const PEER_KEY = "test-peer-key-".padEnd(40, "x");
overrideEnv({ IPAM_PEER_KEY: PEER_KEY, LOGIN_MAX_FAILURES: "5", LOGIN_WINDOW_MINUTES: "5", LOGIN_LOCKOUT_MINUTES: "15", LOGIN_ADDRESS_MAX_FAILURES: "30" });

const PASSWORD = "correct horse battery staple";
let csrf: { cookie: string; token: string };
let n = 0;

async function makeUser(): Promise<string> {
  const email = `user${++n}@example.test`;
  await getDb().user.create({ data: { email, passwordHash: passwordHash!, role: "viewer" } });
  return email;
}
let passwordHash: string | undefined;

const ctx = (...nextauth: string[]) => ({ params: Promise.resolve({ nextauth }) });

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
  setRequest({ headers: { host: "localhost" } });
  const res: Response = await route.GET(new NextRequest("http://localhost/api/auth/csrf"), ctx("csrf"));
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.csrf-token="))!;
  // Decoded here as Next's cookies() decodes it (the stand-in passes values through as sent).
  csrf = { cookie: decodeURIComponent(cookie.split(";")[0]), token: (await res.json()).csrfToken };
});

afterEach(() => {
  vi.useRealTimers();
});

/** The login form's POST (next-auth/react signIn with redirect: false), from `address` (null: no peer known). */
function signIn(email: string, password: string, address: string | null = "198.51.100.1"): Promise<Response> {
  const headers: Record<string, string> = { host: "localhost", cookie: csrf.cookie, "content-type": "application/x-www-form-urlencoded" };
  if (address) headers[PEER_HEADER] = peerHeaderValue(PEER_KEY, address);
  setRequest({ headers });
  const body = new URLSearchParams({ email, password, csrfToken: csrf.token, callbackUrl: "http://localhost/", json: "true" });
  return route.POST(new NextRequest("http://localhost/api/auth/callback/credentials", { method: "POST", headers, body }), ctx("callback", "credentials"));
}

const bcryptCalls = () => vi.mocked(verifyPassword).mock.calls.length;
const signedIn = (res: Response) => res.headers.getSetCookie().some((c) => /^next-auth\.session-token=[^;]/.test(c));

describe("POST /api/auth/callback/credentials", () => {
  it("50 parallel wrong passwords for one account: 5 reach bcrypt, 45 are answered 429 with Retry-After", async () => {
    const email = await makeUser();
    const before = bcryptCalls();
    const answers = await Promise.all(Array.from({ length: 50 }, () => signIn(email, "wrong password")));
    expect(bcryptCalls() - before).toBe(5);
    expect(answers.filter((r) => r.status === 401)).toHaveLength(5);
    const refused = answers.filter((r) => r.status === 429);
    expect(refused).toHaveLength(45);
    for (const res of refused) expect(Number(res.headers.get("retry-after"))).toBe(15 * 60);
    // What next-auth/react's signIn() reads: `url`, whose `error` the form turns into a sentence.
    const body = await refused[0].json();
    expect(body.error).toMatchObject({ code: "rate_limited", details: { retry_after_seconds: 900 } });
    expect(signInFailureMessage(new URL(body.url).searchParams.get("error"))).toBe("Too many attempts; try again in 15 minutes.");
  });

  it("a locked account is refused even with the right password, without bcrypt, until the lock-out ends", async () => {
    const email = await makeUser();
    const t0 = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: t0 });
    for (let i = 0; i < 5; i++) expect((await signIn(email, "wrong password")).status).toBe(401);
    const before = bcryptCalls();
    expect((await signIn(email, PASSWORD)).status).toBe(429);
    vi.setSystemTime(t0 + 14 * 60_000);
    const later = await signIn(email, PASSWORD);
    expect(later.status).toBe(429);
    expect(Number(later.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(bcryptCalls()).toBe(before);
    vi.setSystemTime(t0 + 16 * 60_000);
    const after = await signIn(email, PASSWORD);
    expect(after.status).toBe(200);
    expect(signedIn(after)).toBe(true);
  });

  it("only failures count: a successful sign-in gives its reservation back", async () => {
    const email = await makeUser();
    for (let i = 0; i < 4; i++) expect((await signIn(email, "wrong password")).status).toBe(401);
    const ok = await signIn(email, PASSWORD);
    expect(ok.status).toBe(200);
    expect(signedIn(ok)).toBe(true);
    // Four failures so far, not five: one more wrong password is still checked.
    expect((await signIn(email, "wrong password")).status).toBe(401);
    expect((await signIn(email, "wrong password")).status).toBe(429);
  });

  it("the account counter ignores the email's case and surrounding spaces", async () => {
    const email = await makeUser();
    for (let i = 0; i < 5; i++) await signIn(i % 2 ? ` ${email.toUpperCase()} ` : email, "wrong password");
    expect((await signIn(email.toUpperCase(), PASSWORD)).status).toBe(429);
  });

  it("each client address has its own budget over all accounts; unknown addresses share one", async () => {
    overrideEnv({ LOGIN_ADDRESS_MAX_FAILURES: "3" });
    try {
      const before = bcryptCalls();
      for (let i = 0; i < 3; i++) expect((await signIn(`nobody${i}@example.test`, "guess", "203.0.113.9")).status).toBe(401);
      const refused = await signIn("nobody3@example.test", "guess", "203.0.113.9");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(4 * 60);
      expect(bcryptCalls() - before).toBe(3);
      // Refused by the address, the attempt gave the account's reservation back.
      expect((await getDb().rateLimit.findUnique({ where: { key: signInAccountKey("nobody3@example.test") } }))?.hits).toBe(0);
      expect((await signIn("nobody3@example.test", "guess", "203.0.113.10")).status).toBe(401);
      for (let i = 0; i < 3; i++) expect((await signIn(`anon${i}@example.test`, "guess", null)).status).toBe(401);
      expect((await signIn("anon3@example.test", "guess", null)).status).toBe(429);
    } finally {
      overrideEnv({ LOGIN_ADDRESS_MAX_FAILURES: "30" });
    }
  });

  it("a refusal by a locked account does not spend the address's budget", async () => {
    overrideEnv({ LOGIN_ADDRESS_MAX_FAILURES: "6" });
    try {
      const email = await makeUser();
      for (let i = 0; i < 5; i++) await signIn(email, "wrong password", "203.0.113.20");
      for (let i = 0; i < 10; i++) expect((await signIn(email, "wrong password", "203.0.113.20")).status).toBe(429);
      // The address has spent 5 of its 6: another account may still be tried once from it.
      expect((await signIn("someone@example.test", "guess", "203.0.113.20")).status).toBe(401);
      expect((await signIn("someone-else@example.test", "guess", "203.0.113.20")).status).toBe(429);
    } finally {
      overrideEnv({ LOGIN_ADDRESS_MAX_FAILURES: "30" });
    }
  });

  it("an oversized sign-in body is refused with 413 before anything else", async () => {
    const before = bcryptCalls();
    const res = await signIn("big@example.test", "x".repeat(20_000));
    expect(res.status).toBe(413);
    expect(bcryptCalls()).toBe(before);
  });
});
