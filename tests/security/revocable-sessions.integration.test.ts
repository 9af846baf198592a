import { beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { call } from "@/tests/api/client";
import { inRequest } from "@/tests/auth/request-scope";
import { decodeSessionToken, refreshSession, signInAs, signInWithPassword, signOut, SESSION_COOKIE, type TestSession } from "@/tests/auth/session";
import { getDb } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { currentSessionId, getSessionActor, requireActionActor } from "@/lib/auth/session";
import { loadEnv } from "@/lib/env";
import { endUserSessions } from "@/lib/services/sessions/end-user-sessions";
import { getAuthSecret } from "@/lib/auth/secret";
import { encode } from "next-auth/jwt";

// Issue 11 A.4: sessions live in the database. Each case below passed with
// the old stateless, email-keyed JWT (which stayed valid until its own exp,
// was renewed by /api/auth/session forever, and resolved whoever owned the
// email now) and must be refused now.

vi.mock("next/headers", () => import("@/tests/auth/request-scope"));
const hosts = await import("@/app/api/v1/hosts/route");

useTestDatabase();

const PASSWORD = "correct horse battery staple";
let n = 0;
async function makeUser(role = "editor", password?: string) {
  const now = new Date();
  const email = `user${++n}@example.test`;
  const passwordHash = password ? await hashPassword(password) : "x";
  return getDb().user.create({ data: { email, passwordHash, role, createdAt: now, updatedAt: now } });
}

/** GET /api/v1/hosts with the session cookie, as a browser sends it: 200 signed in, 401 refused. */
async function statusWith(session: TestSession | string): Promise<number> {
  const cookie = typeof session === "string" ? session : session.cookie;
  return (await call(hosts.GET, "GET", "/hosts", { headers: { cookie } })).status;
}

const row = (s: TestSession) => getDb().session.findUnique({ where: { id: s.sessionId } });

let passwordUser: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  passwordUser = await makeUser("viewer", PASSWORD);
});

describe("sign-in", () => {
  it("through the password form creates a session row for the user id and sets last_login_at", async () => {
    const before = Date.now();
    const s = await signInWithPassword(passwordUser.email, PASSWORD);
    expect(s).not.toBeNull();
    const stored = await row(s!);
    expect(stored).toMatchObject({ userId: passwordUser.id, authMethod: "local", userAgent: "vitest" });
    // The absolute end: SESSION_MAX_AGE_HOURS after sign-in.
    const lifetime = loadEnv().SESSION_MAX_AGE_HOURS * 3_600_000;
    expect(stored!.expiresAt.getTime()).toBeGreaterThanOrEqual(before + lifetime - 1000);
    expect(stored!.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + lifetime);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: passwordUser.id } })).lastLoginAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await statusWith(s!)).toBe(200);
    // A wrong password gets no cookie and no row.
    const rows = await getDb().session.count();
    expect(await signInWithPassword(passwordUser.email, "wrong password here")).toBeNull();
    expect(await getDb().session.count()).toBe(rows);
  });

  it("puts only the session secret and the user id in the JWT, never the email or name", async () => {
    const s = await signInWithPassword(passwordUser.email, PASSWORD);
    const claims = await decodeSessionToken(s!.token);
    expect(Object.keys(claims!).sort()).toEqual(["exp", "iat", "jti", "sid", "uid"]);
    expect(claims).toMatchObject({ uid: passwordUser.id, sid: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(JSON.stringify(claims)).not.toContain(passwordUser.email);
    // The row stores the sid's sha256, never the sid.
    expect(s!.sessionId).toMatch(/^[0-9a-f]{64}$/);
    expect(await getDb().session.findFirst({ where: { id: s!.sid } })).toBeNull();
  });

  it("an old-style cookie naming the user by email is refused", async () => {
    const old = await encode({ token: { email: passwordUser.email, name: "x", sub: String(passwordUser.id) }, secret: getAuthSecret() });
    expect(await statusWith(`${SESSION_COOKIE}=${old}`)).toBe(401);
  });

  it("records how the session started: an OIDC sign-in is oidc; an unknown provider gets no session", async () => {
    const user = await makeUser();
    const s = await signInAs(user.id, "oidc");
    expect((await row(s))!.authMethod).toBe("oidc");
    await expect(signInAs(user.id, "github" as never)).rejects.toThrow(/unknown provider/);
  });
});

describe("sign-out", () => {
  it("ends the session server-side: a saved copy of the cookie is refused afterwards", async () => {
    const s = await signInWithPassword(passwordUser.email, PASSWORD);
    const saved = s!.cookie;
    expect(await statusWith(saved)).toBe(200);
    expect(await signOut(s!)).toBe("");
    expect(await row(s!)).toBeNull();
    expect(await statusWith(saved)).toBe(401);
    // Nor can /api/auth/session bring it back.
    const renewed = await refreshSession(s!);
    expect(renewed.body).toEqual({});
    expect(renewed.token).toBe("");
  });
});

describe("lifetime", () => {
  it("absolute expiry: refused once expiresAt has passed, however active the session is", async () => {
    const s = await signInAs((await makeUser()).id);
    await getDb().session.update({ where: { id: s.sessionId }, data: { expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() } });
    expect(await statusWith(s)).toBe(401);
  });

  it("/api/auth/session re-issues the cookie but never moves the absolute end", async () => {
    const s = await signInAs((await makeUser()).id);
    const end = (await row(s))!.expiresAt;
    const renewed = await refreshSession(s);
    expect(renewed.token).toBeTruthy();
    expect((await row(s))!.expiresAt).toEqual(end);
    // The renewed cookie names the same row, so it dies with it.
    const next: TestSession = { ...s, token: renewed.token!, cookie: `${SESSION_COOKIE}=${renewed.token}` };
    expect(await statusWith(next)).toBe(200);
    await getDb().session.update({ where: { id: s.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await statusWith(next)).toBe(401);
    expect((await refreshSession(next)).token).toBe("");
  });

  it("idle timeout: refused when unused for SESSION_IDLE_MINUTES", async () => {
    const s = await signInAs((await makeUser()).id);
    const idleMs = loadEnv().SESSION_IDLE_MINUTES * 60_000;
    await getDb().session.update({ where: { id: s.sessionId }, data: { lastSeenAt: new Date(Date.now() - idleMs + 5000) } });
    expect(await statusWith(s)).toBe(200);
    await getDb().session.update({ where: { id: s.sessionId }, data: { lastSeenAt: new Date(Date.now() - idleMs - 1000) } });
    expect(await statusWith(s)).toBe(401);
  });

  it("a request marks the session used at most once a minute", async () => {
    const s = await signInAs((await makeUser()).id);
    const recent = new Date(Date.now() - 10_000);
    await getDb().session.update({ where: { id: s.sessionId }, data: { lastSeenAt: recent } });
    expect(await statusWith(s)).toBe(200);
    expect((await row(s))!.lastSeenAt).toEqual(recent);
    await getDb().session.update({ where: { id: s.sessionId }, data: { lastSeenAt: new Date(Date.now() - 120_000) } });
    expect(await statusWith(s)).toBe(200);
    expect((await row(s))!.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 5000);
  });
});

describe("the user behind a session", () => {
  it("a disabled user's sessions are refused", async () => {
    const user = await makeUser();
    const s = await signInAs(user.id);
    expect(await statusWith(s)).toBe(200);
    await getDb().user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await statusWith(s)).toBe(401);
    await expect(signInAs(user.id)).rejects.toThrow();
  });

  it("a deleted and re-created email gets nothing: sessions belong to the user id and go with it", async () => {
    const user = await makeUser("admin");
    const s = await signInAs(user.id);
    await getDb().user.delete({ where: { id: user.id } });
    expect(await row(s)).toBeNull();
    const now = new Date();
    await getDb().user.create({ data: { email: user.email, passwordHash: "x", role: "admin", createdAt: now, updatedAt: now } });
    expect(await statusWith(s)).toBe(401);
  });

  it("a session row counts only for the user id it was issued to", async () => {
    const [a, b] = [await makeUser(), await makeUser()];
    const s = await signInAs(a.id);
    const swapped = await encode({ token: { sid: s.sid, uid: b.id }, secret: getAuthSecret() });
    expect(await statusWith(`${SESSION_COOKIE}=${swapped}`)).toBe(401);
    expect(await statusWith(s)).toBe(200);
  });
});

describe("endUserSessions", () => {
  it("ends every other session of the user at once and keeps the excepted one; other users keep theirs", async () => {
    const [user, other] = [await makeUser(), await makeUser()];
    const [keep, end1, end2] = [await signInAs(user.id), await signInAs(user.id), await signInAs(user.id)];
    const others = await signInAs(other.id);
    expect(await endUserSessions(user.id, { exceptSessionId: keep.sessionId })).toBe(2);
    expect(await statusWith(keep)).toBe(200);
    expect(await statusWith(end1)).toBe(401);
    expect(await statusWith(end2)).toBe(401);
    expect(await statusWith(others)).toBe(200);
    expect(await endUserSessions(user.id)).toBe(1);
    expect(await statusWith(keep)).toBe(401);
  });
});

describe("pages and server actions (next/headers)", () => {
  it("see the session's actor with its session id; currentSessionId names the row", async () => {
    const user = await makeUser("editor");
    const s = await signInAs(user.id);
    await inRequest({ cookie: s.cookie }, async () => {
      expect(await getSessionActor()).toEqual({ kind: "user", id: user.id, name: user.email, role: "editor", sessionId: s.sessionId });
      expect(await currentSessionId()).toBe(s.sessionId);
      expect((await requireActionActor("editor")).id).toBe(user.id);
    });
    await endUserSessions(user.id);
    await inRequest({ cookie: s.cookie }, async () => {
      expect(await currentSessionId()).toBeNull();
      await expect(requireActionActor()).rejects.toMatchObject({ code: "unauthorized" });
    });
  });
});
