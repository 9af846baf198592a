import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { signInAs } from "@/tests/auth/session";
import { getDb } from "@/lib/db/client";
import type { Actor, Role } from "@/lib/auth/roles";
import { loadEnv } from "@/lib/env";
import { listUserSessions } from "@/lib/services/sessions/list-user-sessions";
import { endSession } from "@/lib/services/sessions/end-session";
import { createSession } from "@/lib/services/sessions/create-session";
import { storedSessionId } from "@/lib/services/sessions/session-secret";

// The sessions services behind /account and the admin pages: listing shows
// labels, never secrets or stored ids; users end their own sessions, admins
// anyone's; dead rows are purged at sign-in.

useTestDatabase();

let n = 0;
async function makeUser(role: Role = "viewer") {
  const now = new Date();
  return getDb().user.create({ data: { email: `s${++n}@example.test`, passwordHash: "x", role, createdAt: now, updatedAt: now } });
}
const actorOf = (user: { id: number; email: string; role: string }, sessionId?: string): Actor => ({ kind: "user", id: user.id, name: user.email, role: user.role as Role, sessionId });

describe("listUserSessions", () => {
  it("lists the live sessions with labels and the current flag; no secret or stored id leaves", async () => {
    const user = await makeUser();
    const [here, there] = [await signInAs(user.id), await signInAs(user.id, "oidc")];
    const dead = await signInAs(user.id);
    await getDb().session.update({ where: { id: dead.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const list = await listUserSessions(actorOf(user, here.sessionId), user.id);
    expect(list).toHaveLength(2);
    const byLabel = new Map(list.map((s) => [s.id, s]));
    expect(byLabel.get(here.sessionId.slice(0, 8))).toMatchObject({ current: true, auth_method: "local" });
    expect(byLabel.get(there.sessionId.slice(0, 8))).toMatchObject({ current: false, auth_method: "oidc" });
    for (const s of list) {
      expect(s.id).toMatch(/^[0-9a-f]{8}$/);
      expect(Object.keys(s).sort()).toEqual(["auth_method", "created_at", "current", "expires_at", "id", "ip_address", "last_seen_at", "user_agent"]);
    }
    const text = JSON.stringify(list);
    for (const secret of [here.sid, here.sessionId, there.sid, there.sessionId]) expect(text).not.toContain(secret);
  });

  it("another user's sessions: admins only (a token never counts as their owner)", async () => {
    const [viewer, other, admin] = [await makeUser(), await makeUser(), await makeUser("admin")];
    await signInAs(other.id);
    await expect(listUserSessions(actorOf(viewer), other.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listUserSessions({ kind: "token", id: other.id, name: "t", role: "editor" }, other.id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await listUserSessions(actorOf(admin), other.id)).toHaveLength(1);
  });
});

describe("endSession", () => {
  it("ends one's own session by its label; others stay", async () => {
    const user = await makeUser();
    const [a, b] = [await signInAs(user.id), await signInAs(user.id)];
    await endSession(actorOf(user, a.sessionId), b.sessionId.slice(0, 8).toUpperCase());
    expect(await getDb().session.findUnique({ where: { id: b.sessionId } })).toBeNull();
    expect(await getDb().session.findUnique({ where: { id: a.sessionId } })).not.toBeNull();
  });

  it("a non-admin cannot end (or find) another user's session; an admin can", async () => {
    const [viewer, other, admin] = [await makeUser(), await makeUser(), await makeUser("admin")];
    const s = await signInAs(other.id);
    const label = s.sessionId.slice(0, 8);
    await expect(endSession(actorOf(viewer), label)).rejects.toMatchObject({ code: "not_found" });
    await expect(endSession(actorOf(viewer), label, { userId: other.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await getDb().session.findUnique({ where: { id: s.sessionId } })).not.toBeNull();
    await endSession(actorOf(admin), label, { userId: other.id });
    expect(await getDb().session.findUnique({ where: { id: s.sessionId } })).toBeNull();
  });

  it("refuses a label that is not 8-64 hex digits, and ends nothing", async () => {
    const user = await makeUser("admin");
    await signInAs(user.id);
    const before = await getDb().session.count();
    for (const bad of ["", "abc", "%", "zzzzzzzz", "'; --"]) await expect(endSession(actorOf(user), bad)).rejects.toMatchObject({ name: "ZodError" });
    expect(await getDb().session.count()).toBe(before);
  });
});

describe("purge", () => {
  it("a sign-in deletes sessions past their absolute end or idle timeout, and keeps live ones", async () => {
    const user = await makeUser();
    const live = await signInAs(user.id);
    const [expired, idle] = [await signInAs(user.id), await signInAs(user.id)];
    await getDb().session.update({ where: { id: expired.sessionId }, data: { expiresAt: new Date(Date.now() - 1) } });
    const idleMs = loadEnv().SESSION_IDLE_MINUTES * 60_000;
    await getDb().session.update({ where: { id: idle.sessionId }, data: { lastSeenAt: new Date(Date.now() - idleMs - 1) } });
    const sid = await createSession({ userId: user.id, authMethod: "local", ipAddress: "192.0.2.7", userAgent: "x".repeat(1000) });
    const ids = (await getDb().session.findMany({ where: { userId: user.id }, select: { id: true } })).map((r) => r.id).sort();
    expect(ids).toEqual([live.sessionId, storedSessionId(sid)].sort());
    const made = await getDb().session.findUniqueOrThrow({ where: { id: storedSessionId(sid) } });
    expect(made).toMatchObject({ ipAddress: "192.0.2.7" });
    expect(made.userAgent).toHaveLength(256);
  });
});
