import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { call, tokenFor } from "@/tests/api/client";
import * as tokens from "@/app/api/v1/tokens/route";
import * as networks from "@/app/api/v1/networks/route";
import { getDb } from "@/lib/db/client";
import { createApiToken } from "@/lib/services/tokens/create-api-token";
import { createUser } from "@/lib/services/users/create-user";

// API tokens: random, shown once, stored hashed, with a role, an optional
// expiry and a last-used time.

useTestDatabase();
let admin: string;
beforeAll(async () => {
  admin = await tokenFor("admin");
});

const create = (body: unknown) => call(tokens.POST, "POST", "/tokens", { token: admin, body });
const listNetworks = (token: string) => call(networks.GET, "GET", "/networks", { token });

describe("POST /tokens", () => {
  it("returns the token once with a Location; only its hash is stored; the list never shows it", async () => {
    const res = await create({ name: "ansible", role: "editor" });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/tokens/${res.body.id}`);
    expect(res.body).toMatchObject({ name: "ansible", role: "editor", expires_at: null, last_used_at: null });
    const secret: string = res.body.token;
    expect(secret.length).toBeGreaterThan(30);
    expect(secret.startsWith(res.body.token_hint)).toBe(true);
    const sha256 = createHash("sha256").update(secret).digest("hex");
    expect((await getDb().apiToken.findUnique({ where: { tokenHash: sha256 } }))?.id).toBe(res.body.id);
    expect(await getDb().apiToken.findUnique({ where: { tokenHash: secret } })).toBeNull();
    const listed = await call(tokens.GET, "GET", "/tokens", { token: admin, query: { all: "true" } });
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(JSON.stringify(listed.body)).not.toContain(sha256);
    expect((await create({ name: "ansible", role: "editor" })).body.token).not.toBe(secret);
  });

  it("null or absent expires_at means never; an ISO date or timestamp is kept", async () => {
    const never = await create({ name: "never", role: "viewer", expires_at: null });
    expect(never.status).toBe(201);
    expect(never.body.expires_at).toBeNull();
    expect((await listNetworks(never.body.token)).status).toBe(200);
    const day = await create({ name: "day", role: "viewer", expires_at: "2999-01-02" });
    expect(day.body.expires_at).toBe("2999-01-02T00:00:00.000Z");
    const ts = await create({ name: "ts", role: "viewer", expires_at: "2999-01-02T03:04:05+02:00" });
    expect(ts.body.expires_at).toBe("2999-01-02T01:04:05.000Z");
    expect((await listNetworks(ts.body.token)).status).toBe(200);
  });

  // "" is a form's empty date input: never, like null (lib/schemas/fields.ts: forms send "" for empty).
  it("an empty expires_at means never", async () => {
    expect((await create({ name: "empty", role: "viewer", expires_at: "" })).body.expires_at).toBeNull();
  });

  it.each([0, 5, true, "tomorrow", {}])("422 for expires_at %j, nothing created", async (expires_at) => {
    const before = await getDb().apiToken.count();
    const res = await create({ name: "bad", role: "viewer", expires_at });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_error");
    expect(res.body.error.details.expires_at).toBeDefined();
    expect(await getDb().apiToken.count()).toBe(before);
  });

  it("422 for an unknown field or role", async () => {
    expect((await create({ name: "x", role: "root" })).body.error.details.role).toBeDefined();
    expect((await create({ name: "x", role: "viewer", scope: "all" })).body.error.details.scope).toEqual(["Unknown field"]);
  });
});

describe("using a token", () => {
  it("records last_used_at; an expired token is a 401", async () => {
    const made = await create({ name: "used", role: "viewer" });
    expect((await listNetworks(made.body.token)).status).toBe(200);
    const listed = await call(tokens.GET, "GET", "/tokens", { token: admin, query: { all: "true" } });
    const row = listed.body.items.find((t: { id: number }) => t.id === made.body.id);
    expect(Date.now() - Date.parse(row.last_used_at)).toBeLessThan(60_000);
    // A past expiry is refused at creation (422), so this token's time runs out after it is made.
    const expired = await create({ name: "old", role: "viewer", expires_at: "2999-01-01T00:00:00Z" });
    await getDb().apiToken.update({ where: { id: expired.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await listNetworks(expired.body.token);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthorized");
  });
});

describe("a token made by a signed-in user", () => {
  it("stops working the moment that user is disabled, and not before its expiry", async () => {
    const user = await createUser(null, { email: "tokens-owner@example.test", password: "owner-password-1", role: "admin" });
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    const { token } = await createApiToken({ kind: "user", id: user.id, name: "owner", role: "admin" }, { name: "owned", role: "editor", expires_at: inAnHour });
    expect((await listNetworks(token)).status).toBe(200);
    await getDb().user.update({ where: { id: user.id }, data: { disabled: true } });
    expect((await listNetworks(token)).status).toBe(401);
  });
});
