import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { verifyPassword } from "@/lib/auth/password";
import type { Actor, Role } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { toAppError } from "@/lib/errors";
import { userListQuery } from "@/lib/schemas/user";
import { changeOwnPassword } from "@/lib/services/users/change-own-password";
import { createUser } from "@/lib/services/users/create-user";
import { deleteUser } from "@/lib/services/users/delete-user";
import { getOwnAccount } from "@/lib/services/users/get-own-account";
import { getUser } from "@/lib/services/users/get-user";
import { listUsers } from "@/lib/services/users/list-users";
import { resetUserPassword } from "@/lib/services/users/reset-user-password";
import { setUserDisabled } from "@/lib/services/users/set-user-disabled";
import { updateUser } from "@/lib/services/users/update-user";
import { verifyCredentials } from "@/lib/services/users/verify-credentials";

// The user services on a real database (SQLite, and PostgreSQL under
// test:pg): who may call them, the last-admin rule (also under a race), the
// password policy, sessions ending, and no secret in what they return.

useTestDatabase();

const PASSWORD = "a-long-enough-secret";
const tag = () => randomUUID().slice(0, 8);

async function makeUser(role: Role, password = PASSWORD) {
  const user = await createUser(null, { email: `u-${role}-${tag()}@example.test`, role, password });
  const actor: Actor = { kind: "user", id: user.id, name: user.email, role };
  return { ...user, actor };
}

/** Makes every existing admin a viewer, so a test controls exactly who the admins are. */
async function noOtherAdmins() {
  await getDb().user.updateMany({ where: { role: "admin" }, data: { role: "viewer" } });
}

async function addSession(userId: number) {
  const id = randomUUID().replace(/-/g, "") + randomUUID().replace(/-/g, "");
  await getDb().session.create({ data: { id, userId, authMethod: "local", expiresAt: new Date(Date.now() + 3_600_000) } });
  return id;
}
const sessionsOf = (userId: number) => getDb().session.count({ where: { userId } });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return toAppError(error).code;
  }
}

const activeAdmins = () => getDb().user.count({ where: { role: "admin", disabled: false } });

describe("authorization", () => {
  it("every admin service refuses an editor and a viewer with 403, and changes nothing", async () => {
    const target = await makeUser("viewer");
    for (const role of ["editor", "viewer"] as const) {
      const { actor } = await makeUser(role);
      const calls = [
        listUsers(actor, userListQuery.parse({})),
        getUser(actor, target.id),
        createUser(actor, { email: `x-${tag()}@example.test`, role: "admin" }),
        updateUser(actor, target.id, { role: "admin" }),
        setUserDisabled(actor, target.id, true),
        resetUserPassword(actor, target.id, {}),
        deleteUser(actor, target.id),
        updateUser(actor, actor.id, { role: "admin" }),
      ];
      for (const call of calls) expect(await codeOf(call)).toBe("forbidden");
    }
    expect(await getUser(null, target.id)).toMatchObject({ role: "viewer", disabled: false });
  });

  it("any signed-in user reads their own account; a token has none", async () => {
    const viewer = await makeUser("viewer");
    expect(await getOwnAccount(viewer.actor)).toMatchObject({ id: viewer.id, email: viewer.email, role: "viewer" });
    expect(await codeOf(getOwnAccount({ ...viewer.actor, kind: "token" }))).toBe("forbidden");
  });
});

describe("createUser", () => {
  it("stores a hash of the given password and returns no password; the user can sign in", async () => {
    const email = `Ada-${tag()}@Example.test`;
    const user = await createUser(null, { email, name: " Ada ", role: "editor", password: PASSWORD });
    expect(user).toMatchObject({ email: email.toLowerCase(), name: "Ada", role: "editor", disabled: false, auth_source: "local", last_login_at: null });
    expect(user).not.toHaveProperty("password");
    expect(JSON.stringify(user)).not.toMatch(/\$2[aby]\$/);
    expect(await verifyCredentials({ email, password: PASSWORD })).toMatchObject({ role: "editor" });
  });

  it("generates a password when none is given and returns it once", async () => {
    const admin = await makeUser("admin");
    const user = await createUser(admin.actor, { email: `gen-${tag()}@example.test` });
    expect(user.role).toBe("viewer");
    expect(user.password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(await verifyCredentials({ email: user.email, password: user.password })).toMatchObject({ id: user.id });
    expect(await getUser(admin.actor, user.id)).not.toHaveProperty("password");
  });

  it.each([
    ["short", "k7#vQ2!mZp9", "Use at least 12 characters"],
    ["common", "qwerty123456", "most common passwords"],
    ["common in capitals", "QWERTY123456", "most common passwords"],
  ])("refuses a %s password with 422 and creates nothing", async (_kind, password, message) => {
    const before = await getDb().user.count();
    const error = toAppError(await createUser(null, { email: `p-${tag()}@example.test`, password, role: "viewer" }).catch((e) => e));
    expect(error.code).toBe("validation_error");
    expect(JSON.stringify(error.details)).toContain(message);
    expect(await getDb().user.count()).toBe(before);
  });

  it("409 for an email in use (whatever its case)", async () => {
    const user = await makeUser("viewer");
    expect(await codeOf(createUser(null, { email: user.email.toUpperCase(), password: PASSWORD }))).toBe("conflict");
  });
});

describe("listUsers", () => {
  it("searches email and name ignoring ASCII case (non-ASCII text too), filters by role, pages", async () => {
    const t = tag();
    await createUser(null, { email: `zed-${t}@example.test`, name: "Zed Örnek", role: "editor", password: PASSWORD });
    await createUser(null, { email: `amy-${t}@example.test`, name: "Amy", role: "viewer", password: PASSWORD });
    const byEmail = await listUsers(null, userListQuery.parse({ q: `ZED-${t}` }));
    expect(byEmail.items.map((u) => u.name)).toEqual(["Zed Örnek"]);
    // Non-ASCII text takes the raw path; only ASCII letters fold (lib/db/raw/text-search.ts).
    const byName = await listUsers(null, userListQuery.parse({ q: "ÖRNEK" }));
    expect(byName.items.map((u) => u.email)).toContain(`zed-${t}@example.test`);
    expect((await listUsers(null, userListQuery.parse({ q: "örnek" }))).items.map((u) => u.email)).not.toContain(`zed-${t}@example.test`);
    const both = await listUsers(null, userListQuery.parse({ q: t, sort: "-email", per_page: "1" }));
    expect(both).toMatchObject({ total: 2, pages: 2, per_page: 1 });
    expect(both.items[0].email).toBe(`zed-${t}@example.test`);
    const editors = await listUsers(null, userListQuery.parse({ q: t, role: "editor" }));
    expect(editors.items.map((u) => u.role)).toEqual(["editor"]);
    expect(JSON.stringify(both)).not.toMatch(/password|\$2[aby]\$/i);
  });
});

describe("updateUser, setUserDisabled, resetUserPassword", () => {
  it("changes name and role; a role change ends the user's sessions, a name change does not", async () => {
    const user = await makeUser("viewer");
    await addSession(user.id);
    expect(await updateUser(null, user.id, { name: "New name" })).toMatchObject({ name: "New name", role: "viewer" });
    expect(await sessionsOf(user.id)).toBe(1);
    expect(await updateUser(null, user.id, { role: "editor" })).toMatchObject({ role: "editor" });
    expect(await sessionsOf(user.id)).toBe(0);
  });

  it("disabling refuses sign-in and ends sessions; enabling lets the user back in", async () => {
    const user = await makeUser("editor");
    await addSession(user.id);
    expect(await setUserDisabled(null, user.id, true)).toMatchObject({ disabled: true });
    expect(await sessionsOf(user.id)).toBe(0);
    expect(await verifyCredentials({ email: user.email, password: PASSWORD })).toBeNull();
    await setUserDisabled(null, user.id, false);
    expect(await verifyCredentials({ email: user.email, password: PASSWORD })).toMatchObject({ id: user.id });
  });

  it("a reset sets the given password, or generates one shown once; either way sessions end and the old password stops working", async () => {
    const user = await makeUser("viewer");
    await addSession(user.id);
    const set = await resetUserPassword(null, user.id, { password: "another-long-secret" });
    expect(set).not.toHaveProperty("password");
    expect(await sessionsOf(user.id)).toBe(0);
    expect(await verifyCredentials({ email: user.email, password: PASSWORD })).toBeNull();
    expect(await verifyCredentials({ email: user.email, password: "another-long-secret" })).not.toBeNull();
    const generated = await resetUserPassword(null, user.id, {});
    expect(generated.password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(await verifyCredentials({ email: user.email, password: generated.password })).not.toBeNull();
    expect(await codeOf(resetUserPassword(null, user.id, { password: "1qaz2wsx3edc" }))).toBe("validation_error");
  });

  it("404 for a missing user; 422 for unknown fields or a bad role, nothing changed", async () => {
    const user = await makeUser("viewer");
    expect(await codeOf(updateUser(null, 2 ** 31 - 1, { name: "x" }))).toBe("not_found");
    expect(await codeOf(resetUserPassword(null, 2 ** 31 - 1, {}))).toBe("not_found");
    expect(await codeOf(deleteUser(null, 2 ** 31 - 1))).toBe("not_found");
    expect(await codeOf(updateUser(null, user.id, { role: "root" } as never))).toBe("validation_error");
    expect(await codeOf(updateUser(null, user.id, { email: "x@example.test" } as never))).toBe("validation_error");
    expect(await codeOf(updateUser(null, user.id, { name: "a\u202Eb" }))).toBe("validation_error");
    expect(await getUser(null, user.id)).toMatchObject({ email: user.email, role: "viewer", name: null });
  });
});

describe("the last active admin", () => {
  it("cannot be demoted, disabled or deleted (409 last_admin), nothing changes; with a second admin they can", async () => {
    await noOtherAdmins();
    const admin = await makeUser("admin");
    await addSession(admin.id);
    // A disabled admin does not count as one who remains.
    const disabled = await makeUser("admin");
    await getDb().user.update({ where: { id: disabled.id }, data: { disabled: true } });
    // One at a time: started together, a call that fails while an earlier one is awaited is an unhandled rejection (the PostgreSQL run reported one).
    for (const call of [
      () => updateUser(admin.actor, admin.id, { role: "editor" }),
      () => setUserDisabled(admin.actor, admin.id, true),
      () => updateUser(null, admin.id, { role: "viewer", disabled: true }),
      () => deleteUser(admin.actor, admin.id),
    ]) expect(await codeOf(call())).toBe("last_admin");
    expect(await getUser(null, admin.id)).toMatchObject({ role: "admin", disabled: false });
    expect(await sessionsOf(admin.id)).toBe(1);
    // Harmless changes to the last admin still work.
    expect(await updateUser(null, admin.id, { name: "Root", role: "admin", disabled: false })).toMatchObject({ name: "Root" });
    await setUserDisabled(null, disabled.id, false);
    expect(await updateUser(admin.actor, admin.id, { role: "editor" })).toMatchObject({ role: "editor" });
    expect(await codeOf(deleteUser(null, disabled.id))).toBe("last_admin");
  });

  it("holds when two admins demote each other at the same moment", async () => {
    for (let round = 0; round < 5; round++) {
      await noOtherAdmins();
      const [a, b] = [await makeUser("admin"), await makeUser("admin")];
      const codes = await Promise.all([
        codeOf(updateUser(a.actor, b.id, { role: "viewer" })),
        codeOf(updateUser(b.actor, a.id, { role: "viewer" })),
      ]);
      expect(codes.sort()).toEqual(["last_admin", "ok"]);
      expect(await activeAdmins()).toBe(1);
    }
  });

  it("holds when two admins disable and delete each other at the same moment", async () => {
    for (let round = 0; round < 5; round++) {
      await noOtherAdmins();
      const [a, b] = [await makeUser("admin"), await makeUser("admin")];
      const codes = await Promise.all([codeOf(deleteUser(a.actor, b.id)), codeOf(setUserDisabled(b.actor, a.id, true))]);
      expect(codes.sort()).toEqual(["last_admin", "ok"]);
      expect(await activeAdmins()).toBe(1);
    }
  });
});

describe("deleteUser", () => {
  it("removes the user with their sessions and tokens", async () => {
    const user = await makeUser("editor");
    await addSession(user.id);
    await getDb().apiToken.create({ data: { name: "t", role: "viewer", tokenHash: `h-${tag()}`, tokenHint: "ipam_x", userId: user.id } });
    await deleteUser(null, user.id);
    expect(await codeOf(getUser(null, user.id))).toBe("not_found");
    expect(await sessionsOf(user.id)).toBe(0);
    expect(await getDb().apiToken.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("changeOwnPassword", () => {
  const change = (current: string, next: string, confirm = next) => ({ current_password: current, new_password: next, confirm_password: confirm });

  it("needs the current password; ends the user's other sessions and keeps this one", async () => {
    const user = await makeUser("viewer");
    const here = await addSession(user.id);
    const elsewhere = await addSession(user.id);
    const actor = { ...user.actor, sessionId: here };
    const wrong = toAppError(await changeOwnPassword(actor, change("not-my-password", "a-new-long-secret")).catch((e) => e));
    expect(wrong.code).toBe("validation_error");
    expect(wrong.details).toHaveProperty("current_password");
    expect(await sessionsOf(user.id)).toBe(2);
    await changeOwnPassword(actor, change(PASSWORD, "a-new-long-secret"));
    const left = await getDb().session.findMany({ where: { userId: user.id }, select: { id: true } });
    expect(left.map((s) => s.id)).toEqual([here]);
    expect(left.map((s) => s.id)).not.toContain(elsewhere);
    const row = await getDb().user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(await verifyPassword("a-new-long-secret", row.passwordHash!)).toBe(true);
  });

  it("applies the policy and the confirmation; a token cannot use it; nothing changes", async () => {
    const user = await makeUser("editor");
    for (const [input, field] of [
      [change(PASSWORD, "short-one"), "new_password"],
      [change(PASSWORD, "Qwerty123456"), "new_password"],
      [change(PASSWORD, "a-new-long-secret", "a-new-long-secreT"), "confirm_password"],
    ] as const) {
      const error = toAppError(await changeOwnPassword(user.actor, input).catch((e) => e));
      expect(error.code).toBe("validation_error");
      expect(error.details).toHaveProperty(field);
    }
    expect(await codeOf(changeOwnPassword({ ...user.actor, kind: "token" }, change(PASSWORD, "a-new-long-secret")))).toBe("forbidden");
    expect(await verifyCredentials({ email: user.email, password: PASSWORD })).not.toBeNull();
  });

  it("409 for a single-sign-on user without a password", async () => {
    const user = await makeUser("viewer");
    await getDb().user.update({ where: { id: user.id }, data: { passwordHash: null, authSource: "oidc" } });
    expect(await codeOf(changeOwnPassword(user.actor, change("anything", "a-new-long-secret")))).toBe("conflict");
  });
});
