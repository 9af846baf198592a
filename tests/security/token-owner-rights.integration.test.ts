import { beforeEach, describe, expect, it } from "vitest";
import { testEngine, useTestDatabase } from "@/tests/db";
import { call } from "@/tests/api/client";
import * as tokens from "@/app/api/v1/tokens/route";
import * as hosts from "@/app/api/v1/hosts/route";
import { getDb } from "@/lib/db/client";
import { findTokenForAuth } from "@/lib/db/raw";
import { hashToken } from "@/lib/auth/token-hash";
import { createApiToken } from "@/lib/services/tokens/create-api-token";
import type { Role } from "@/lib/auth/roles";

// Issue 11 A.6: a token acts with the lower of its own role and its owner's
// current role; a disabled or missing owner refuses it (401).

useTestDatabase();
let n = 0;

async function ownedToken(ownerRole: Role, tokenRole: Role) {
  const owner = await getDb().user.create({ data: { email: `owner-${++n}@example.com`, passwordHash: "x", role: ownerRole } });
  const { token } = await createApiToken({ kind: "user", id: owner.id, name: owner.email, role: "admin" }, { name: `t${n}`, role: tokenRole });
  return { owner, token };
}
// Everyone's tokens: an admin-only read (a token's own list needs only viewer).
const listTokens = (token: string) => call(tokens.GET, "GET", "/tokens", { token, query: { all: "true" } });
const addHost = (token: string, ip: string) => call(hosts.POST, "POST", "/hosts", { token, body: { ip_address: ip } });

/** Points a token at a user id that has no row, as a lost cascade or a restored backup could leave it. */
async function orphan(token: string) {
  const id = (await findTokenForAuth(hashToken(token)))!.id;
  if (testEngine() === "postgresql") {
    await getDb().$transaction([
      getDb().$executeRawUnsafe("SET LOCAL session_replication_role = replica"),
      getDb().$executeRawUnsafe(`UPDATE api_tokens SET user_id = 987654 WHERE id = ${id}`),
    ]);
  } else {
    await getDb().$executeRawUnsafe("PRAGMA foreign_keys = OFF");
    await getDb().$executeRawUnsafe(`UPDATE api_tokens SET user_id = 987654 WHERE id = ${id}`);
    await getDb().$executeRawUnsafe("PRAGMA foreign_keys = ON");
  }
}

beforeEach(async () => {
  await getDb().host.deleteMany();
});

describe("the raw lookup", () => {
  it("returns the owner's current role and flag in the same query, null owner for a CLI token", async () => {
    const { owner, token } = await ownedToken("editor", "admin");
    expect(await findTokenForAuth(hashToken(token))).toMatchObject({ role: "admin", ownerId: owner.id, owner: { role: "editor", disabled: false } });
    await getDb().user.update({ where: { id: owner.id }, data: { disabled: true, role: "viewer" } });
    expect(await findTokenForAuth(hashToken(token))).toMatchObject({ ownerId: owner.id, owner: { role: "viewer", disabled: true } });
    const cli = await createApiToken(null, { name: "cli", role: "editor" });
    expect(await findTokenForAuth(hashToken(cli.token))).toMatchObject({ role: "editor", ownerId: null, owner: null });
    await orphan(token);
    expect(await findTokenForAuth(hashToken(token))).toMatchObject({ ownerId: 987654, owner: null });
  });
});

describe("a token's rights follow its owner", () => {
  it("an admin token of a demoted owner acts with the owner's lower role (403 on an admin route)", async () => {
    const { owner, token } = await ownedToken("admin", "admin");
    expect((await listTokens(token)).status).toBe(200);
    await getDb().user.update({ where: { id: owner.id }, data: { role: "editor" } });
    expect((await listTokens(token)).status).toBe(403);
    expect((await addHost(token, "10.0.0.1")).status).toBe(201);
    await getDb().user.update({ where: { id: owner.id }, data: { role: "viewer" } });
    expect((await addHost(token, "10.0.0.2")).status).toBe(403);
    expect(await getDb().host.count()).toBe(1);
  });
  it("a token never gains rights from its owner: an editor token of an admin stays an editor", async () => {
    const { token } = await ownedToken("admin", "editor");
    expect((await listTokens(token)).status).toBe(403);
  });
  it("a disabled owner's token is refused with 401, and works again once re-enabled", async () => {
    const { owner, token } = await ownedToken("admin", "editor");
    await getDb().user.update({ where: { id: owner.id }, data: { disabled: true } });
    expect((await addHost(token, "10.0.0.3")).status).toBe(401);
    expect(await getDb().host.count()).toBe(0);
    await getDb().user.update({ where: { id: owner.id }, data: { disabled: false } });
    expect((await addHost(token, "10.0.0.3")).status).toBe(201);
  });
  it("a token whose owner row is missing is refused with 401; deleting the owner removes the token", async () => {
    const dangling = await ownedToken("admin", "admin");
    await orphan(dangling.token);
    expect((await listTokens(dangling.token)).status).toBe(401);
    const deleted = await ownedToken("admin", "admin");
    await getDb().user.delete({ where: { id: deleted.owner.id } });
    expect((await listTokens(deleted.token)).status).toBe(401);
  });
  it("an ownerless CLI token keeps its own role", async () => {
    const { token } = await createApiToken(null, { name: "cli-admin", role: "admin" });
    expect((await listTokens(token)).status).toBe(200);
  });
});
