import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { useTestDatabase } from "@/tests/db";
import { userWithToken, type OwnedToken } from "@/tests/api/owned-token";
import { setRequest } from "@/tests/auth/request-scope";
import { signInAs } from "@/tests/auth/session";

// The /account/tokens actions as a browser POSTs them, with a real session
// cookie: any signed-in user makes and revokes their own tokens; the role
// ceiling and the other rules are the service's, against the database.

vi.mock("next/headers", () => import("@/tests/auth/request-scope"));
const { createTokenAction, revokeTokenAction } = await import("@/app/(app)/account/tokens/actions");

useTestDatabase();
let viewer: OwnedToken;
let viewerCookie: string;
beforeAll(async () => {
  viewer = await userWithToken("viewer");
  viewerCookie = (await signInAs(viewer.user.id)).cookie;
});

describe("createTokenAction", () => {
  it("lets a viewer make a viewer token for themselves, shown once, from the form's raw values", async () => {
    setRequest({ cookie: viewerCookie });
    const result = await createTokenAction({ name: "grafana", role: "viewer", expires_at: "", read_only: true, allowed_cidrs: "10.0.0.0/8, 192.0.2.1" });
    expect(result).toMatchObject({
      ok: true,
      data: { name: "grafana", role: "viewer", read_only: true, allowed_cidrs: ["10.0.0.0/8", "192.0.2.1/32"], expires_at: null, owner: viewer.user },
    });
    const made = result.ok ? result.data : null;
    expect(made?.token).toMatch(/^ipam_/);
    expect((await getDb().apiToken.findUniqueOrThrow({ where: { id: made!.id } })).userId).toBe(viewer.user.id);
  });

  it("refuses a viewer an editor token, and bad input with field errors; nothing is created", async () => {
    setRequest({ cookie: viewerCookie });
    const before = await getDb().apiToken.count();
    expect(await createTokenAction({ name: "more", role: "editor" })).toMatchObject({ ok: false, code: "forbidden" });
    const bad = await createTokenAction({ name: "c\u200Bi", role: "viewer", allowed_cidrs: "10.0.0.1/8", toString: 1 });
    expect(bad).toMatchObject({ ok: false, code: "validation_error" });
    expect(Object.keys((!bad.ok && bad.fieldErrors) || {}).sort()).toEqual(["allowed_cidrs", "name", "toString"]);
    expect(await getDb().apiToken.count()).toBe(before);
  });

  it("is unauthorized without a session, and for a disabled user's session", async () => {
    setRequest({});
    expect(await createTokenAction({ name: "x", role: "viewer" })).toMatchObject({ ok: false, code: "unauthorized" });
    const gone = await userWithToken("admin");
    setRequest({ cookie: (await signInAs(gone.user.id)).cookie });
    await getDb().user.update({ where: { id: gone.user.id }, data: { disabled: true } });
    expect(await createTokenAction({ name: "x", role: "viewer" })).toMatchObject({ ok: false, code: "unauthorized" });
  });
});

describe("revokeTokenAction", () => {
  it("revokes one's own token; another user's is not found to a non-admin but revocable by an admin", async () => {
    const other = await userWithToken("editor");
    setRequest({ cookie: viewerCookie });
    const mine = await createTokenAction({ name: "short-lived", role: "viewer" });
    expect(await revokeTokenAction(mine.ok ? mine.data.id : 0)).toMatchObject({ ok: true });
    expect(await revokeTokenAction(other.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await getDb().apiToken.count({ where: { id: other.id } })).toBe(1);
    expect(await revokeTokenAction(-1)).toMatchObject({ ok: false, code: "validation_error" });
    const admin = await userWithToken("admin");
    setRequest({ cookie: (await signInAs(admin.user.id)).cookie });
    expect(await revokeTokenAction(other.id)).toMatchObject({ ok: true });
    expect(await getDb().apiToken.count({ where: { id: other.id } })).toBe(0);
  });
});
