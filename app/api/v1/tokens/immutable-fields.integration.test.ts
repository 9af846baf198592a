import { describe, expect, it } from "vitest";
import * as token from "@/app/api/v1/tokens/[id]/route";
import * as networks from "@/app/api/v1/networks/route";
import { getDb } from "@/lib/db/client";
import { call, tokenFor } from "@/tests/api/client";
import { userWithToken } from "@/tests/api/owned-token";
import { useTestDatabase } from "@/tests/db";

// Issue 11 B.2 (NetBox #22820): a token's security fields are fixed when it
// is made. PATCH may rename it; anything else is a 422 and nothing changes.

useTestDatabase();
const patch = (as: string, id: number, body: unknown) => call(token.PATCH, "PATCH", "", { token: as, params: { id: String(id) }, body });
const row = (id: number) => getDb().apiToken.findUniqueOrThrow({ where: { id } });

describe("PATCH /tokens/{id}", () => {
  it("renames one's own token and nothing else", async () => {
    const mine = await userWithToken("editor", { read_only: true, allowed_cidrs: ["10.0.0.0/8"] });
    const before = await row(mine.id);
    // A read-only token cannot write, rename included: its owner's other token does it.
    const writer = await userWithToken("editor");
    await getDb().apiToken.update({ where: { id: writer.id }, data: { userId: mine.user.id } });
    const res = await patch(writer.token, mine.id, { name: "renamed" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: mine.id, name: "renamed", role: "editor", read_only: true, allowed_cidrs: ["10.0.0.0/8"] });
    expect(await row(mine.id)).toEqual({ ...before, name: "renamed" });
    expect((await patch(writer.token, mine.id, {})).body.name).toBe("renamed");
  });

  it.each([
    { role: "admin" },
    { role: "viewer" },
    { read_only: false },
    { read_only: true },
    { allowed_cidrs: [] },
    { allowed_cidrs: ["0.0.0.0/0"] },
    { expires_at: null },
    { expires_at: "2999-01-01" },
    { owner: { id: 1 } },
    { user_id: 1 },
    { token: "ipam_x" },
    { token_hint: "ipam_x" },
    { name: "also-renamed", role: "admin" },
    { scope: "all" },
  ])("%j is a 422 naming the field, and the token is unchanged", async (body) => {
    const target = await userWithToken("admin", { role: "editor", expires_at: "2998-01-01", allowed_cidrs: ["10.0.0.0/8"] });
    // An admin patching (their own or another's) token: even the most powerful caller cannot widen one.
    const patcher = await tokenFor("admin");
    const before = await row(target.id);
    const res = await patch(patcher, target.id, body);
    expect(res.status).toBe(422);
    const field = Object.keys(body).find((k) => k !== "name")!;
    expect(res.body.error.details[field]).toBeDefined();
    expect(await row(target.id)).toEqual(before);
  });

  it("someone else's token is not found for a non-admin; an unknown id is 404", async () => {
    const alice = await userWithToken("editor");
    const bob = await userWithToken("editor");
    expect((await patch(alice.token, bob.id, { name: "mine now" })).status).toBe(404);
    expect((await row(bob.id)).name).not.toBe("mine now");
    expect((await patch(alice.token, 987654, { name: "x" })).status).toBe(404);
  });

  it("a viewer renames their own token, which keeps working", async () => {
    const mine = await userWithToken("viewer");
    expect((await patch(mine.token, mine.id, { name: "new name" })).status).toBe(200);
    expect((await row(mine.id)).name).toBe("new name");
    expect((await call(networks.GET, "GET", "/networks", { token: mine.token })).status).toBe(200);
  });
});
