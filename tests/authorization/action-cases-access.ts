import { expect } from "vitest";
import { getDb } from "@/lib/db/client";
import type { ActionCase } from "@/tests/authorization/action-case";
import { CALLER_PASSWORD } from "@/tests/authorization/action-callers";
import { freshUser, next, othersToken, ownToken } from "@/tests/authorization/fixtures";
import { signInAs } from "@/tests/auth/session";

// The server-action matrix's calls to the access forms: /setup (refused to
// everyone once a user exists), /account (any signed-in user, own account
// only), /account/tokens (own tokens; an admin revokes anyone's) and
// /admin/users (admins). Each write checks its effect.

const db = () => getDb();
const byId = (id: string | number) => ({ where: { id: Number(id) } });
const hashOf = async (id: number | string) => (await db().user.findUniqueOrThrow({ ...byId(id), omit: { passwordHash: false } })).passwordHash;

export const accessActionCases: ActionCase[] = [
  { key: "(auth)/setup#setupAdminAction", needs: "nobody", refusal: "conflict", prepare: async () => {
    const password = "a fresh setup password";
    return { args: [{ email: `setup-${next()}@example.test`, password, confirm: password }] };
  } },
  { key: "(app)/account#changeOwnPasswordAction", needs: "viewer", prepare: async (caller) => {
    const password = `changed password ${next()}`;
    const before = caller.userId ? await hashOf(caller.userId) : null;
    return { args: [{ current_password: CALLER_PASSWORD, new_password: password, confirm_password: password }], effect: async () =>
      expect(await hashOf(caller.userId!)).not.toBe(before) };
  } },
  { key: "(app)/account#endOwnSessionAction", needs: "viewer", prepare: async (caller) => {
    const other = await signInAs(caller.userId ?? Number((await freshUser()).id));
    return { args: [other.sessionId.slice(0, 8)], effect: async () => expect(await db().session.count({ where: { id: other.sessionId } })).toBe(0) };
  } },
  { key: "(app)/account/tokens#createTokenAction", needs: "viewer", prepare: async (caller) => {
    const name = `made-${next()}`;
    return { args: [{ name, role: "viewer" }], effect: async (data) =>
      expect(await db().apiToken.findUniqueOrThrow(byId(data.id))).toMatchObject({ name, userId: caller.userId }) };
  } },
  { key: "(app)/account/tokens#revokeTokenAction", variant: "own", needs: "viewer", prepare: async (caller) => {
    const id = await ownToken(caller.userId);
    return { args: [Number(id)], effect: async () => expect(await db().apiToken.count(byId(id))).toBe(0) };
  } },
  { key: "(app)/account/tokens#revokeTokenAction", variant: "another user's", needs: "admin", denied: "not_found", prepare: async () => {
    const id = await othersToken();
    return { args: [Number(id)], effect: async () => expect(await db().apiToken.count(byId(id))).toBe(0) };
  } },
  { key: "(app)/admin/users#createUserAction", needs: "admin", prepare: async () => {
    const email = `made-${next()}@example.test`;
    return { args: [{ email, role: "viewer" }], effect: async () => expect(await db().user.count({ where: { email } })).toBe(1) };
  } },
  { key: "(app)/admin/users#updateUserAction", needs: "admin", prepare: async () => {
    const { id } = await freshUser();
    return { args: [Number(id), { role: "editor" }], effect: async () => expect((await db().user.findUniqueOrThrow(byId(id))).role).toBe("editor") };
  } },
  { key: "(app)/admin/users#setUserDisabledAction", needs: "admin", prepare: async () => {
    const { id } = await freshUser();
    return { args: [Number(id), true], effect: async () => expect((await db().user.findUniqueOrThrow(byId(id))).disabled).toBe(true) };
  } },
  { key: "(app)/admin/users#resetUserPasswordAction", needs: "admin", prepare: async () => {
    const { id } = await freshUser();
    return { args: [Number(id), {}], effect: async () => expect(await hashOf(id)).not.toBe("x") };
  } },
  { key: "(app)/admin/users#deleteUserAction", needs: "admin", prepare: async () => {
    const { id } = await freshUser();
    return { args: [Number(id)], effect: async () => expect(await db().user.count(byId(id))).toBe(0) };
  } },
];
