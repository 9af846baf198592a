import { expect } from "vitest";
import { getDb } from "@/lib/db/client";
import type { RouteCase } from "@/tests/authorization/route-request";
import { freshUser, next, othersToken, ownToken } from "@/tests/authorization/fixtures";

// The authorization matrix's calls to the access routes: everyone manages
// their own tokens; an admin alone sees or revokes anyone else's, manages
// users and downloads a backup. Each write checks its effect.

const db = () => getDb();
const tokenId = (reply: { json: () => any }) => Number(reply.json().id);
const userIdOf = (id: string) => ({ id: Number(id) });

export const accessCases: RouteCase[] = [
  { key: "GET /tokens", needs: "viewer", ok: 200 },
  { key: "GET /tokens", variant: "?all=true", needs: "admin", ok: 200, prepare: async () => ({ query: { all: "true" } }) },
  { key: "POST /tokens", needs: "viewer", ok: 201, prepare: async (caller) => {
    const name = `made-${next()}`;
    return { body: { name, role: "viewer" }, effect: async (reply) =>
      expect(await db().apiToken.findUniqueOrThrow({ where: { id: tokenId(reply) } })).toMatchObject({ name, userId: caller.owned?.user.id }) };
  } },
  { key: "PATCH /tokens/[id]", variant: "own", needs: "viewer", ok: 200, prepare: async (caller) => {
    const id = await ownToken(caller.owned?.user.id ?? null);
    return { params: { id }, body: { name: "renamed" }, effect: async () =>
      expect((await db().apiToken.findUniqueOrThrow({ where: { id: Number(id) } })).name).toBe("renamed") };
  } },
  { key: "PATCH /tokens/[id]", variant: "another user's", needs: "admin", ok: 200, denied: 404, prepare: async () => {
    const id = await othersToken();
    return { params: { id }, body: { name: "renamed" }, effect: async () =>
      expect((await db().apiToken.findUniqueOrThrow({ where: { id: Number(id) } })).name).toBe("renamed") };
  } },
  { key: "DELETE /tokens/[id]", variant: "own", needs: "viewer", ok: 204, prepare: async (caller) => {
    const id = await ownToken(caller.owned?.user.id ?? null);
    return { params: { id }, effect: async () => expect(await db().apiToken.count({ where: { id: Number(id) } })).toBe(0) };
  } },
  { key: "DELETE /tokens/[id]", variant: "another user's", needs: "admin", ok: 204, denied: 404, prepare: async () => {
    const id = await othersToken();
    return { params: { id }, effect: async () => expect(await db().apiToken.count({ where: { id: Number(id) } })).toBe(0) };
  } },
  { key: "GET /users", needs: "admin", ok: 200 },
  { key: "POST /users", needs: "admin", ok: 201, prepare: async () => {
    const email = `made-${next()}@example.test`;
    return { body: { email, role: "viewer" }, effect: async () => expect(await db().user.count({ where: { email } })).toBe(1) };
  } },
  { key: "GET /users/[id]", needs: "admin", ok: 200, prepare: async () => ({ params: { id: (await freshUser()).id } }) },
  { key: "PATCH /users/[id]", needs: "admin", ok: 200, prepare: async () => {
    const { id } = await freshUser();
    return { params: { id }, body: { role: "editor" }, effect: async () =>
      expect((await db().user.findUniqueOrThrow({ where: userIdOf(id) })).role).toBe("editor") };
  } },
  { key: "DELETE /users/[id]", needs: "admin", ok: 204, prepare: async () => {
    const { id } = await freshUser();
    return { params: { id }, effect: async () => expect(await db().user.count({ where: userIdOf(id) })).toBe(0) };
  } },
  { key: "POST /users/[id]/password", needs: "admin", ok: 200, prepare: async () => {
    const { id } = await freshUser();
    return { params: { id }, body: {}, effect: async () =>
      expect((await db().user.findUniqueOrThrow({ where: userIdOf(id), omit: { passwordHash: false } })).passwordHash).not.toBe("x") };
  } },
  { key: "GET /backup", needs: "admin", ok: 200 },
];
