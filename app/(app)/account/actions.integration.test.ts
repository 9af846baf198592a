import { beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { setRequest } from "@/tests/auth/request-scope";
import { signInAs } from "@/tests/auth/session";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db/client";
import { listUserSessions } from "@/lib/services/sessions/list-user-sessions";

// /account's actions: any signed-in user, for their own account only.

vi.mock("next/headers", () => import("@/tests/auth/request-scope"));
const { changeOwnPasswordAction, endOwnSessionAction } = await import("@/app/(app)/account/actions");

useTestDatabase();
const PASSWORD = "viewer-long-secret";
let userId: number;
let otherId: number;

beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  userId = (await getDb().user.create({ data: { email: "me@example.test", passwordHash, role: "viewer" } })).id;
  otherId = (await getDb().user.create({ data: { email: "other@example.test", passwordHash, role: "viewer" } })).id;
});

const storedHash = async (id: number) => (await getDb().user.findUniqueOrThrow({ where: { id }, omit: { passwordHash: false } })).passwordHash!;

describe("account actions", () => {
  it("anonymous: unauthorized, nothing changes", async () => {
    setRequest({});
    expect(await changeOwnPasswordAction({ current_password: PASSWORD, new_password: "a-new-long-secret", confirm_password: "a-new-long-secret" }))
      .toMatchObject({ ok: false, code: "unauthorized" });
    expect(await endOwnSessionAction("abcdef12")).toMatchObject({ ok: false, code: "unauthorized" });
    expect(await verifyPassword(PASSWORD, await storedHash(userId))).toBe(true);
  });

  it("a viewer changes their own password: this session stays, the others end", async () => {
    const here = await signInAs(userId);
    const elsewhere = await signInAs(userId);
    setRequest({ cookie: here.cookie });
    const wrong = await changeOwnPasswordAction({ current_password: "not-it-at-all", new_password: "a-new-long-secret", confirm_password: "a-new-long-secret" });
    expect(wrong).toMatchObject({ ok: false, code: "validation_error", fieldErrors: { current_password: expect.any(Array) } });
    const weak = await changeOwnPasswordAction({ current_password: PASSWORD, new_password: "1qaz2wsx3edc", confirm_password: "1qaz2wsx3edc" });
    expect(weak).toMatchObject({ ok: false, code: "validation_error", fieldErrors: { new_password: expect.any(Array) } });
    const done = await changeOwnPasswordAction({ current_password: PASSWORD, new_password: "a-new-long-secret", confirm_password: "a-new-long-secret" });
    expect(done).toEqual({ ok: true, data: undefined });
    const left = await getDb().session.findMany({ where: { userId }, select: { id: true } });
    expect(left.map((s) => s.id)).toEqual([here.sessionId]);
    expect(left.map((s) => s.id)).not.toContain(elsewhere.sessionId);
    expect(await verifyPassword("a-new-long-secret", await storedHash(userId))).toBe(true);
  });

  it("signs out one of their own sessions, never another user's", async () => {
    const here = await signInAs(userId);
    const other = await signInAs(userId);
    const someoneElse = await signInAs(otherId);
    setRequest({ cookie: here.cookie });
    const actor = { kind: "user" as const, id: userId, name: "me", role: "viewer" as const, sessionId: here.sessionId };
    const label = (await listUserSessions(actor, userId)).find((s) => !s.current && other.sessionId.startsWith(s.id))!.id;
    expect(await endOwnSessionAction(label)).toEqual({ ok: true, data: undefined });
    expect(await getDb().session.count({ where: { id: other.sessionId } })).toBe(0);
    expect(await endOwnSessionAction(someoneElse.sessionId.slice(0, 8))).toMatchObject({ ok: false, code: "not_found" });
    expect(await getDb().session.count({ where: { id: someoneElse.sessionId } })).toBe(1);
    expect(await endOwnSessionAction({ toString: 1 })).toMatchObject({ ok: false, code: "validation_error" });
  });
});
