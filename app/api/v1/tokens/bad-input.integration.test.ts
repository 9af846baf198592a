import { beforeAll, describe, expect, it } from "vitest";
import * as tokens from "@/app/api/v1/tokens/route";
import * as token from "@/app/api/v1/tokens/[id]/route";
import { getDb } from "@/lib/db/client";
import { call } from "@/tests/api/client";
import { userWithToken, type OwnedToken } from "@/tests/api/owned-token";
import { useTestDatabase } from "@/tests/db";

// Issue 11 bad input on the token endpoints: every bad body is a clear 4xx
// and no token is created or changed.

useTestDatabase();
let owner: OwnedToken;
beforeAll(async () => {
  owner = await userWithToken("admin");
});

// last_used_at moves on the first call with the token; everything else must not.
const snapshot = async () => JSON.stringify(await getDb().apiToken.findMany({ orderBy: { id: "asc" }, omit: { lastUsedAt: true } }));
const post = (body: unknown, rawBody?: string) => call(tokens.POST, "POST", "/tokens", { token: owner.token, body, rawBody });
const patch = (body: unknown, rawBody?: string) => call(token.PATCH, "PATCH", "", { token: owner.token, params: { id: String(owner.id) }, body, rawBody });

const badNames: Array<[string, string]> = [
  ["a lone high surrogate", "ci\uD800"],
  ["a lone low surrogate", "\uDC00ci"],
  ["a right-to-left override", "ci\u202Egnp.exe"],
  ["a zero-width space", "c\u200Bi"],
  ["a zero-width joiner", "c\u200Di"],
  ["a line break", "ci\nx"],
  ["an empty name", "   "],
  ["a 101-character name", "x".repeat(101)],
];

describe.each([
  ["POST /tokens", post, { role: "viewer" }],
  ["PATCH /tokens/{id}", patch, {}],
] as const)("%s", (_label, send, rest) => {
  it.each(badNames)("422 for a name with %s, nothing changes", async (_what, name) => {
    const before = await snapshot();
    const res = await send({ ...rest, name });
    expect(res.status).toBe(422);
    expect(res.body.error.details.name).toBeDefined();
    expect(await snapshot()).toBe(before);
  });

  it.each(["toString", "constructor", "valueOf", "hasOwnProperty", "__proto__"])("422 for an unknown key %s, nothing changes", async (key) => {
    const before = await snapshot();
    const res = await send(undefined, `{"name":"ok",${"role" in rest ? '"role":"viewer",' : ""}"${key}":1}`);
    expect(res.status).toBe(422);
    expect(res.body.error.details[key]).toEqual(["Unknown field"]);
    expect(await snapshot()).toBe(before);
  });

  it("413 for a body over the API's limit, 400 for broken JSON, 422 for a non-object", async () => {
    const before = await snapshot();
    expect((await send(undefined, JSON.stringify({ ...rest, name: "x".repeat(6 * 1024 * 1024) }))).status).toBe(413);
    expect((await send(undefined, '{"name":')).status).toBe(400);
    for (const body of [[], "name", 7, null]) expect((await send(body)).status).toBe(422);
    expect(await snapshot()).toBe(before);
  });
});

describe("POST /tokens fields", () => {
  it.each([
    { name: "x" },
    { name: "x", role: "root" },
    { name: "x", role: "viewer", read_only: "maybe" },
    { name: "x", role: "viewer", allowed_cidrs: "10.0.0.0/8, bogus" },
    { name: "x", role: "viewer", allowed_cidrs: { 0: "10.0.0.0/8" } },
    { name: 5, role: "viewer" },
  ])("422 for %j, nothing created", async (body) => {
    const before = await snapshot();
    expect((await post(body)).status).toBe(422);
    expect(await snapshot()).toBe(before);
  });

  it("names may carry ordinary Unicode (accents, CJK, emoji) and are trimmed", async () => {
    const res = await post({ name: "  Überwachung 監視 🛰️ ", role: "viewer" });
    expect(res.status).toBe(201);
    expect(res.body.name).toBe("Überwachung 監視 🛰️");
  });
});
