import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import type { Role } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import {
  externalEmail, externalName, placeholderEmail, provisionExternalUser, type ExternalIdentity,
} from "@/lib/services/users/provision-external-user";
import { verifyCredentials } from "@/lib/services/users/verify-credentials";

// SSO users on a real database (SQLite, and PostgreSQL under test:pg): found
// by external id, created on first sign-in, their role re-evaluated (and
// their sessions ended when it changes) at every sign-in.

useTestDatabase();

const tag = () => randomUUID().slice(0, 8);

function identity(role: Role | null, extra: Partial<ExternalIdentity> = {}): ExternalIdentity {
  const id = tag();
  return { source: "oidc", externalId: `http://127.0.0.1:9/idp|${id}`, email: `sso-${id}@example.test`, name: `SSO ${id}`, role, ...extra };
}

async function addSession(userId: number) {
  await getDb().session.create({ data: { id: randomUUID() + randomUUID(), userId, authMethod: "oidc", expiresAt: new Date(Date.now() + 3_600_000) } });
}
const sessionsOf = (userId: number) => getDb().session.count({ where: { userId } });

describe("provisionExternalUser", () => {
  it("creates the user on first sign-in: SSO source, external id, no password, the role of the groups", async () => {
    const who = identity("editor");
    const result = await provisionExternalUser(who);
    expect(result).toMatchObject({ ok: true, created: true, actor: { kind: "user", role: "editor", name: who.name } });
    const row = await getDb().user.findUniqueOrThrow({ where: { externalId: who.externalId }, omit: { passwordHash: false } });
    expect(row).toMatchObject({ email: who.email, authSource: "oidc", passwordHash: null, role: "editor", disabled: false });
    expect(row.lastLoginAt).toBeInstanceOf(Date);
    // No password works for an SSO-only account.
    expect(await verifyCredentials({ email: who.email, password: "" })).toBeNull();
    expect(await verifyCredentials({ email: who.email, password: "anything-at-all-long" })).toBeNull();
  });

  it("finds the same user again by external id, and follows a new name and email", async () => {
    const who = identity("viewer");
    const first = await provisionExternalUser(who);
    const again = await provisionExternalUser({ ...who, email: `renamed-${tag()}@example.test`, name: "New Name" });
    expect(again).toMatchObject({ ok: true, created: false, roleChanged: false });
    if (!first.ok || !again.ok) throw new Error("refused");
    expect(again.actor.id).toBe(first.actor.id);
    expect(await getDb().user.findUniqueOrThrow({ where: { id: first.actor.id } })).toMatchObject({ name: "New Name" });
  });

  it("keeps a stored name when the provider sends none", async () => {
    const who = identity("viewer", { name: null });
    const first = await provisionExternalUser(who);
    if (!first.ok) throw new Error("refused");
    await getDb().user.update({ where: { id: first.actor.id }, data: { name: "Set By An Admin" } });
    expect(await provisionExternalUser(who)).toMatchObject({ ok: true, actor: { name: "Set By An Admin" } });
  });

  it("re-evaluates the role at every sign-in: a demotion takes effect and ends the user's sessions", async () => {
    const who = identity("admin");
    const first = await provisionExternalUser(who);
    if (!first.ok) throw new Error("refused");
    await provisionExternalUser(identity("admin")); // another admin, so this one may be demoted
    await addSession(first.actor.id);
    await addSession(first.actor.id);
    const demoted = await provisionExternalUser({ ...who, role: "viewer" });
    expect(demoted).toMatchObject({ ok: true, roleChanged: true, actor: { role: "viewer" } });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: first.actor.id } })).role).toBe("viewer");
    expect(await sessionsOf(first.actor.id)).toBe(0);
    // Unchanged role: the sessions stay.
    await addSession(first.actor.id);
    await provisionExternalUser({ ...who, role: "viewer" });
    expect(await sessionsOf(first.actor.id)).toBe(1);
  });

  it("refuses a user in no mapped group when the default is none: nothing created; a known user's sessions end", async () => {
    const who = identity(null);
    expect(await provisionExternalUser(who)).toMatchObject({ ok: false, reason: "no_role" });
    expect(await getDb().user.count({ where: { externalId: who.externalId } })).toBe(0);

    const known = identity("editor");
    const first = await provisionExternalUser(known);
    if (!first.ok) throw new Error("refused");
    await addSession(first.actor.id);
    expect(await provisionExternalUser({ ...known, role: null })).toMatchObject({ ok: false, reason: "no_role" });
    expect(await sessionsOf(first.actor.id)).toBe(0);
  });

  it("refuses a disabled user and changes nothing", async () => {
    const who = identity("viewer");
    const first = await provisionExternalUser(who);
    if (!first.ok) throw new Error("refused");
    await getDb().user.update({ where: { id: first.actor.id }, data: { disabled: true } });
    expect(await provisionExternalUser({ ...who, role: "admin" })).toMatchObject({ ok: false, reason: "disabled" });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: first.actor.id } })).role).toBe("viewer");
  });

  it("never links to an existing account by email (an IdP could let anyone claim an admin's address)", async () => {
    const email = `local-admin-${tag()}@example.test`;
    const local = await getDb().user.create({ data: { email, role: "admin", passwordHash: "x" } });
    const result = await provisionExternalUser(identity("viewer", { email }));
    expect(result).toMatchObject({ ok: false, reason: "email_taken" });
    expect(await getDb().user.findUniqueOrThrow({ where: { id: local.id } })).toMatchObject({ externalId: null, authSource: "local", role: "admin" });
  });

  it("does not demote the last active admin: the sign-in is refused and the sessions end", async () => {
    const who = identity("admin");
    const first = await provisionExternalUser(who);
    if (!first.ok) throw new Error("refused");
    await getDb().user.updateMany({ where: { role: "admin", id: { not: first.actor.id } }, data: { role: "viewer" } });
    await addSession(first.actor.id);
    expect(await provisionExternalUser({ ...who, role: "editor" })).toMatchObject({ ok: false, reason: "last_admin" });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: first.actor.id } })).role).toBe("admin");
    expect(await sessionsOf(first.actor.id)).toBe(0);
  });

  it("with touchAfterMs (proxy sign-in on every request), an unchanged user costs no write", async () => {
    const who = identity("viewer", { source: "proxy", externalId: `proxy|user-${tag()}` });
    const first = await provisionExternalUser(who, { touchAfterMs: 60_000 });
    if (!first.ok) throw new Error("refused");
    const stamped = (await getDb().user.findUniqueOrThrow({ where: { id: first.actor.id } })).updatedAt;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await provisionExternalUser(who, { touchAfterMs: 60_000 })).toMatchObject({ ok: true, actor: { id: first.actor.id } });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: first.actor.id } })).updatedAt).toEqual(stamped);
    // A changed role is written at once, touch interval or not.
    expect(await provisionExternalUser({ ...who, role: "editor" }, { touchAfterMs: 60_000 })).toMatchObject({ ok: true, roleChanged: true });
  });

  it("two first sign-ins of one user at once create one user", async () => {
    const who = identity("viewer");
    const results = await Promise.all([provisionExternalUser(who), provisionExternalUser(who), provisionExternalUser(who)]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await getDb().user.count({ where: { externalId: who.externalId } })).toBe(1);
  });

  it("gives a user without a usable email a stable placeholder address", async () => {
    const who = identity("viewer", { email: null });
    const result = await provisionExternalUser(who);
    if (!result.ok) throw new Error("refused");
    const row = await getDb().user.findUniqueOrThrow({ where: { id: result.actor.id } });
    expect(row.email).toBe(placeholderEmail(who.externalId));
    expect(row.email).toMatch(/@sso\.invalid$/);
  });
});

describe("what a provider sends", () => {
  it("an email is kept only when it is one, lower-cased", () => {
    expect(externalEmail("Ada@Example.TEST")).toBe("ada@example.test");
    expect(externalEmail("not an email")).toBeNull();
    expect(externalEmail(undefined)).toBeNull();
  });

  it("a name is kept only when it passes our name rules", () => {
    expect(externalName("Ada Lovelace")).toBe("Ada Lovelace");
    expect(externalName("Ada\u202Eecalevol")).toBeNull();
    expect(externalName(42)).toBeNull();
  });
});
