import { beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { setRequest } from "@/tests/auth/request-scope";
import { signInAs } from "@/tests/auth/session";
import { getDb } from "@/lib/db/client";

// /admin/users's server actions can be POSTed directly: each checks for an
// admin session itself, and bad input is a field error with nothing written.

vi.mock("next/headers", () => import("@/tests/auth/request-scope"));
const { createUserAction, updateUserAction, setUserDisabledAction, resetUserPasswordAction, deleteUserAction } = await import("@/app/(app)/admin/users/actions");

useTestDatabase();
const cookies: Record<string, string> = {};
const ids: Record<string, number> = {};
const signedInAs = (who: string) => setRequest({ cookie: cookies[who] });
const snapshot = () => getDb().user.findMany({ orderBy: { id: "asc" }, omit: { passwordHash: false } });

beforeAll(async () => {
  for (const role of ["viewer", "editor", "admin"] as const) {
    const user = await getDb().user.create({ data: { email: `${role}@example.test`, passwordHash: "x", role } });
    ids[role] = user.id;
    cookies[role] = (await signInAs(user.id)).cookie;
  }
});

describe("admin user actions", () => {
  it("refuse anonymous callers, viewers and editors; nothing changes", async () => {
    const before = await snapshot();
    for (const who of ["anonymous", "viewer", "editor"]) {
      if (who === "anonymous") setRequest({});
      else signedInAs(who);
      const code = who === "anonymous" ? "unauthorized" : "forbidden";
      for (const result of [
        await createUserAction({ email: "new@example.test", role: "admin" }),
        await updateUserAction(ids.viewer, { role: "admin" }),
        await setUserDisabledAction(ids.admin, true),
        await resetUserPasswordAction(ids.admin, {}),
        await deleteUserAction(ids.admin),
      ]) expect(result).toMatchObject({ ok: false, code });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("an admin creates (generated password returned once), changes, resets and deletes", async () => {
    signedInAs("admin");
    const made = await createUserAction({ email: "made@example.test", name: "Made", role: "editor", password: null });
    expect(made).toMatchObject({ ok: true, data: { email: "made@example.test", role: "editor" } });
    const id = made.ok ? made.data.id : 0;
    expect(made.ok && made.data.password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(await updateUserAction(id, { role: "viewer" })).toMatchObject({ ok: true, data: { role: "viewer" } });
    expect(await setUserDisabledAction(id, true)).toMatchObject({ ok: true, data: { disabled: true } });
    const reset = await resetUserPasswordAction(id, { password: "chosen-by-admin-1" });
    expect(reset.ok && "password" in reset.data).toBe(false);
    expect(await deleteUserAction(id)).toMatchObject({ ok: true });
    expect(await getDb().user.count({ where: { id } })).toBe(0);
  });

  it("bad input: field errors, prototype keys and hidden characters refused, the last admin kept", async () => {
    signedInAs("admin");
    const before = await snapshot();
    const weak = await createUserAction({ email: "weak@example.test", password: "Qwerty123456" });
    expect(weak).toMatchObject({ ok: false, code: "validation_error" });
    expect(!weak.ok && weak.fieldErrors?.password?.[0]).toContain("most common");
    for (const input of [{ email: "p@example.test", toString: 1 }, JSON.parse('{"email": "q@example.test", "__proto__": {"role": "admin"}}'), { email: "r@example.test", name: "a\u200Bb" }]) {
      expect(await createUserAction(input)).toMatchObject({ ok: false, code: "validation_error" });
    }
    expect(await updateUserAction(ids.viewer, { name: "x\uD800" })).toMatchObject({ ok: false, code: "validation_error" });
    expect(await updateUserAction(-1, { name: "x" })).toMatchObject({ ok: false, code: "validation_error" });
    // The signed-in admin is the only one: they cannot demote or delete themselves.
    expect(await updateUserAction(ids.admin, { role: "viewer" })).toMatchObject({ ok: false, code: "last_admin" });
    expect(await deleteUserAction(ids.admin)).toMatchObject({ ok: false, code: "last_admin" });
    expect(await snapshot()).toEqual(before);
  });
});
