import { beforeAll, describe, expect, it } from "vitest";
import * as tokens from "@/app/api/v1/tokens/route";
import * as token from "@/app/api/v1/tokens/[id]/route";
import * as networks from "@/app/api/v1/networks/route";
import { getDb } from "@/lib/db/client";
import { createApiToken } from "@/lib/services/tokens/create-api-token";
import { call, tokenFor } from "@/tests/api/client";
import { userWithToken } from "@/tests/api/owned-token";
import { useTestDatabase } from "@/tests/db";

// Issue 11 B.2: everyone makes, lists and revokes their own tokens; a token
// never gets a higher role than its maker's; admins see and revoke all.

useTestDatabase();
let cliAdmin: string;
beforeAll(async () => {
  cliAdmin = await tokenFor("admin");
});

const create = (as: string, body: unknown) => call(tokens.POST, "POST", "/tokens", { token: as, body });
const list = (as: string, query: Record<string, string> = {}) => call(tokens.GET, "GET", "/tokens", { token: as, query });
const revoke = (as: string, id: number) => call(token.DELETE, "DELETE", "", { token: as, params: { id: String(id) } });
const readNetworks = (as: string) => call(networks.GET, "GET", "/networks", { token: as });

describe("role ceiling", () => {
  it("a viewer makes a viewer token, never an editor or admin one (403, nothing stored)", async () => {
    const viewer = await userWithToken("viewer");
    expect((await create(viewer.token, { name: "mine", role: "viewer" })).status).toBe(201);
    const before = await getDb().apiToken.count();
    for (const role of ["editor", "admin"]) {
      const res = await create(viewer.token, { name: "more", role });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    expect(await getDb().apiToken.count()).toBe(before);
  });
  it("an editor cannot mint an admin token (403); editor and viewer are fine", async () => {
    const editor = await userWithToken("editor");
    expect((await create(editor.token, { name: "root", role: "admin" })).status).toBe(403);
    expect((await create(editor.token, { name: "e", role: "editor" })).status).toBe(201);
    expect((await create(editor.token, { name: "v", role: "viewer" })).status).toBe(201);
  });
  it("the ceiling is the maker's current role: a demoted admin's token makes no admin token", async () => {
    const admin = await userWithToken("admin");
    await getDb().user.update({ where: { id: admin.user.id }, data: { role: "editor" } });
    expect((await create(admin.token, { name: "x", role: "admin" })).status).toBe(403);
  });
  it("an admin may give any role; the new token belongs to the maker's user", async () => {
    const admin = await userWithToken("admin");
    const res = await create(admin.token, { name: "deploy", role: "admin" });
    expect(res.status).toBe(201);
    expect(res.body.owner).toEqual({ id: admin.user.id, email: admin.user.email });
    expect(res.body.token.startsWith("ipam_")).toBe(true);
    expect((await getDb().apiToken.findUniqueOrThrow({ where: { id: res.body.id } })).userId).toBe(admin.user.id);
  });
});

describe("a token revoked while its request runs", () => {
  it("makes nothing: 401, not an unrestricted ownerless token", async () => {
    const before = await getDb().apiToken.count();
    const gone = { kind: "token" as const, id: 987654, name: "gone", role: "admin" as const };
    await expect(createApiToken(gone, { name: "escape", role: "admin" })).rejects.toMatchObject({ code: "unauthorized" });
    expect(await getDb().apiToken.count()).toBe(before);
  });
});

describe("listing", () => {
  it("shows the caller's own tokens only, each with owner and restrictions, never a secret or hash", async () => {
    const alice = await userWithToken("editor");
    const bob = await userWithToken("editor");
    const made = await create(alice.token, { name: "alice-ro", role: "viewer", read_only: true, allowed_cidrs: ["10.0.0.0/8"] });
    const own = await list(alice.token);
    expect(own.status).toBe(200);
    expect(own.body.items.map((t: { id: number }) => t.id).sort()).toEqual([alice.id, made.body.id].sort());
    const item = own.body.items.find((t: { id: number }) => t.id === made.body.id);
    expect(Object.keys(item).sort()).toEqual(
      ["allowed_cidrs", "created_at", "expires_at", "id", "last_used_at", "name", "owner", "read_only", "role", "token_hint"],
    );
    expect(item).toMatchObject({ read_only: true, allowed_cidrs: ["10.0.0.0/8"], owner: { id: alice.user.id, email: alice.user.email } });
    expect(item.token_hint).toBe(made.body.token.slice(0, 10));
    // The client leaves token_hash out by default: ask for it explicitly, or this would compare against undefined.
    const hashes = (await getDb().apiToken.findMany({ select: { tokenHash: true } })).map((r) => r.tokenHash);
    expect(hashes.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
    const text = JSON.stringify(own.body);
    for (const hash of hashes) expect(text).not.toContain(hash);
    expect(text).not.toContain(made.body.token);
    expect((await list(bob.token)).body.items.map((t: { id: number }) => t.id)).toEqual([bob.id]);
  });
  it("?all=true shows an admin everyone's tokens with their owner; anyone else gets 403", async () => {
    const admin = await userWithToken("admin");
    const editor = await userWithToken("editor");
    const all = await list(admin.token, { all: "true" });
    expect(all.status).toBe(200);
    const ids = all.body.items.map((t: { id: number }) => t.id);
    expect(ids).toEqual(expect.arrayContaining([admin.id, editor.id]));
    expect(all.body.items.find((t: { id: number }) => t.id === editor.id).owner).toEqual(editor.user);
    expect(JSON.stringify(all.body)).not.toMatch(/[0-9a-f]{64}/);
    expect((await list(editor.token, { all: "true" })).status).toBe(403);
    expect((await list(editor.token, { all: "yes" })).status).toBe(400);
  });
  it("an ownerless CLI token sees only itself", async () => {
    const viewer = await tokenFor("viewer");
    const res = await list(viewer);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].owner).toBeNull();
  });
});

describe("revoking", () => {
  it("one's own token: 204, and the next call with it is a 401", async () => {
    const editor = await userWithToken("editor");
    const other = await create(editor.token, { name: "ci", role: "viewer" });
    expect((await readNetworks(other.body.token)).status).toBe(200);
    expect((await revoke(editor.token, other.body.id)).status).toBe(204);
    expect((await readNetworks(other.body.token)).status).toBe(401);
    expect((await revoke(editor.token, other.body.id)).status).toBe(404);
  });
  it("someone else's token is not found for a non-admin (and stays), any for an admin", async () => {
    const alice = await userWithToken("editor");
    const bob = await userWithToken("viewer");
    expect((await revoke(alice.token, bob.id)).status).toBe(404);
    expect((await readNetworks(bob.token)).status).toBe(200);
    const admin = await userWithToken("admin");
    expect((await revoke(admin.token, bob.id)).status).toBe(204);
    expect((await readNetworks(bob.token)).status).toBe(401);
    expect((await revoke(cliAdmin, alice.id)).status).toBe(204);
    expect((await readNetworks(alice.token)).status).toBe(401);
  });
  it("a token can revoke itself", async () => {
    const viewer = await userWithToken("viewer");
    expect((await revoke(viewer.token, viewer.id)).status).toBe(204);
    expect((await readNetworks(viewer.token)).status).toBe(401);
  });
});
