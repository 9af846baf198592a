import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as users from "@/app/api/v1/users/route";
import * as user from "@/app/api/v1/users/[id]/route";
import * as password from "@/app/api/v1/users/[id]/password/route";
import { getDb } from "@/lib/db/client";
import { verifyCredentials } from "@/lib/services/users/verify-credentials";
import { call, tokenFor, type CallResult } from "@/tests/api/client";
import { useTestDatabase } from "@/tests/db";
import { signInAs } from "@/tests/auth/session";

// /api/v1/users through the real route handlers with real tokens: admin only,
// bad input is a 4xx that changes nothing, the last active admin stays, and no
// response ever carries a password hash (a generated password appears once,
// in the response that made it).

useTestDatabase();
let admin: string;
const seen: CallResult[] = [];
beforeAll(async () => {
  admin = await tokenFor("admin");
});

const SECRET = "an-admin-set-secret";
const tag = () => randomUUID().slice(0, 8);

async function api(handler: Parameters<typeof call>[0], method: string, path: string, options: Parameters<typeof call>[3] = {}) {
  const res = await call(handler, method, path, { token: admin, ...options });
  seen.push(res);
  return res;
}
const create = (body: unknown) => api(users.POST, "POST", "/users", { body });
const patch = (id: number, body: unknown) => api(user.PATCH, "PATCH", `/users/${id}`, { params: { id: String(id) }, body });
const patchRaw = (id: number, rawBody: string) => api(user.PATCH, "PATCH", `/users/${id}`, { params: { id: String(id) }, rawBody });
const reset = (id: number, body: unknown) => api(password.POST, "POST", `/users/${id}/password`, { params: { id: String(id) }, body });
const get = (id: number | string) => api(user.GET, "GET", `/users/${id}`, { params: { id: String(id) } });

async function makeUser(role = "viewer") {
  const res = await create({ email: `h-${tag()}@example.test`, role, password: SECRET });
  expect(res.status).toBe(201);
  return res.body as { id: number; email: string; role: string };
}

/** Every row of users as stored, to prove a refused call changed nothing. */
const snapshot = () => getDb().user.findMany({ orderBy: { id: "asc" }, omit: { passwordHash: false } });

describe("POST /users", () => {
  it("201 with a Location and no-store; the given password is never echoed", async () => {
    const email = `Grace-${tag()}@Example.test`;
    const res = await create({ email, name: "Grace", role: "editor", password: SECRET });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/users/${res.body.id}`);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body).toEqual({
      id: expect.any(Number), email: email.toLowerCase(), name: "Grace", role: "editor", disabled: false, auth_source: "local",
      last_login_at: null, created_at: expect.any(String), updated_at: expect.any(String),
    });
    expect(await verifyCredentials({ email, password: SECRET })).toMatchObject({ role: "editor" });
  });

  it("without a password: a generated one in this response only", async () => {
    const res = await create({ email: `gen-${tag()}@example.test`, role: "viewer", password: null });
    expect(res.status).toBe(201);
    expect(res.body.password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(await verifyCredentials({ email: res.body.email, password: res.body.password })).not.toBeNull();
    expect(JSON.stringify((await get(res.body.id)).body)).not.toContain(res.body.password);
  });

  it("409 for an existing email", async () => {
    const existing = await makeUser();
    const res = await create({ email: existing.email.toUpperCase(), password: SECRET });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("conflict");
  });
});

describe("bad input is a 4xx and nothing changes", () => {
  const cases: Array<[string, string, number, string?]> = [
    ["a short password", JSON.stringify({ email: "x1@example.test", password: "k7#vQ2!mZp9" }), 422, "password"],
    ["a common password in capitals", JSON.stringify({ email: "x2@example.test", password: "QWERTY123456" }), 422, "password"],
    ["a bad email", JSON.stringify({ email: "not-an-email", password: SECRET }), 422, "email"],
    ["an unknown role", JSON.stringify({ email: "x3@example.test", password: SECRET, role: "root" }), 422, "role"],
    ["toString as a key", JSON.stringify({ email: "x4@example.test", password: SECRET, toString: 1 }), 422, "toString"],
    ["constructor as a key", JSON.stringify({ email: "x5@example.test", password: SECRET, constructor: {} }), 422, "constructor"],
    ["__proto__ as a key", `{"email": "x6@example.test", "password": "${SECRET}", "__proto__": {"role": "admin"}}`, 422],
    ["valueOf as a key", JSON.stringify({ email: "x7@example.test", password: SECRET, valueOf: "x" }), 422, "valueOf"],
    ["a lone surrogate in the name", String.raw`{"email": "x8@example.test", "password": "${SECRET}", "name": "bad \ud800"}`, 422, "name"],
    ["a lone surrogate in the password", String.raw`{"email": "x9@example.test", "password": "long-enough-\udc00-pw"}`, 422, "password"],
    ["a bidi override in the name", JSON.stringify({ email: "xa@example.test", password: SECRET, name: "Ad\u202Emin" }), 422, "name"],
    ["a zero-width space in the name", JSON.stringify({ email: "xb@example.test", password: SECRET, name: "Ad\u200Bmin" }), 422, "name"],
    ["a 201-character password", JSON.stringify({ email: "xc@example.test", password: "p".repeat(201) }), 422, "password"],
    ["a 101-character name", JSON.stringify({ email: "xd@example.test", password: SECRET, name: "n".repeat(101) }), 422, "name"],
    ["an array", JSON.stringify([{ email: "xe@example.test", password: SECRET }]), 422],
    ["malformed JSON", '{"email": ', 400],
    ["a body over 5 MB", JSON.stringify({ email: "xf@example.test", password: SECRET, name: "n".repeat(6 * 1024 * 1024) }), 413],
  ];

  it.each(cases)("POST /users with %s", async (_what, rawBody, status, field) => {
    const before = await snapshot();
    const res = await api(users.POST, "POST", "/users", { rawBody });
    expect(res.status).toBe(status);
    if (field) expect(Object.keys(res.body.error.details)).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["toString as a key", JSON.stringify({ toString: 1 }), "toString"],
    ["__proto__ as a key", '{"__proto__": {"role": "admin"}, "name": "x"}', undefined],
    ["an email (not changeable)", JSON.stringify({ email: "new@example.test" }), "email"],
    ["a lone surrogate in the name", String.raw`{"name": "x\udbff"}`, "name"],
    ["a right-to-left override in the name", JSON.stringify({ name: "evil\u202Egpj.exe" }), "name"],
    ["a zero-width joiner in the name", JSON.stringify({ name: "a\u200Db" }), "name"],
    ["disabled as text", JSON.stringify({ disabled: "yes" }), "disabled"],
    ["an unknown role", JSON.stringify({ role: "superuser" }), "role"],
  ])("PATCH /users/{id} with %s: 422", async (_what, rawBody, field) => {
    const target = await makeUser("editor");
    const before = await snapshot();
    const res = await patchRaw(target.id, rawBody);
    expect(res.status).toBe(422);
    if (field) expect(Object.keys(res.body.error.details)).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it("password reset with a short, common or prototype-keyed body: 422", async () => {
    const target = await makeUser();
    const before = await snapshot();
    for (const body of [{ password: "short" }, { password: "1Qaz2Wsx3Edc" }, { password: SECRET, toString: 1 }]) {
      expect((await reset(target.id, body)).status).toBe(422);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("bad ids are 404; a bad query string is 400", async () => {
    expect((await get("abc")).status).toBe(404);
    expect((await get(0)).status).toBe(404);
    expect((await get(2 ** 31 - 1)).status).toBe(404);
    expect((await api(users.GET, "GET", "/users", { query: { per_page: 0 } })).status).toBe(400);
    expect((await api(users.GET, "GET", "/users", { query: { sort: "password_hash" } })).status).toBe(400);
    expect((await api(users.GET, "GET", "/users", { query: { role: "root" } })).status).toBe(400);
  });
});

describe("GET, PATCH, DELETE, password reset", () => {
  it("lists and searches, changes a role and name, disables, resets, deletes", async () => {
    const t = tag();
    const made = await create({ email: `find-${t}@example.test`, name: "Findable", password: SECRET });
    const listed = await api(users.GET, "GET", "/users", { query: { q: `FIND-${t}` } });
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 1, page: 1, pages: 1, items: [{ id: made.body.id, name: "Findable" }] });

    expect((await patch(made.body.id, { role: "editor", name: "Found" })).body).toMatchObject({ role: "editor", name: "Found" });
    expect((await patch(made.body.id, { disabled: true })).body).toMatchObject({ disabled: true });
    expect(await verifyCredentials({ email: made.body.email, password: SECRET })).toBeNull();
    await patch(made.body.id, { disabled: false });

    const generated = await reset(made.body.id, {});
    expect(generated.status).toBe(200);
    expect(generated.headers.get("cache-control")).toBe("no-store");
    expect(await verifyCredentials({ email: made.body.email, password: generated.body.password })).not.toBeNull();
    const set = await reset(made.body.id, { password: "the-admin-chose-this" });
    expect(set.body).not.toHaveProperty("password");
    expect(await verifyCredentials({ email: made.body.email, password: "the-admin-chose-this" })).not.toBeNull();

    const deleted = await api(user.DELETE, "DELETE", `/users/${made.body.id}`, { params: { id: String(made.body.id) } });
    expect(deleted.status).toBe(204);
    expect((await get(made.body.id)).status).toBe(404);
  });

  it("409 last_admin for demoting, disabling or deleting the last active admin; nothing changes", async () => {
    await getDb().user.updateMany({ where: { role: "admin" }, data: { role: "editor" } });
    const only = await makeUser("admin");
    const before = await snapshot();
    for (const res of [
      await patch(only.id, { role: "viewer" }),
      await patch(only.id, { disabled: true }),
      await api(user.DELETE, "DELETE", `/users/${only.id}`, { params: { id: String(only.id) } }),
    ]) {
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("last_admin");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("editors and viewers get 403 on every route, and nothing changes", async () => {
    const target = await makeUser();
    const before = await snapshot();
    for (const role of ["editor", "viewer"] as const) {
      const token = await tokenFor(role);
      const params = { id: String(target.id) };
      for (const res of [
        await call(users.GET, "GET", "/users", { token }),
        await call(users.POST, "POST", "/users", { token, body: { email: `no-${tag()}@example.test`, password: SECRET } }),
        await call(user.GET, "GET", `/users/${target.id}`, { token, params }),
        await call(user.PATCH, "PATCH", `/users/${target.id}`, { token, params, body: { role: "admin" } }),
        await call(user.DELETE, "DELETE", `/users/${target.id}`, { token, params }),
        await call(password.POST, "POST", `/users/${target.id}/password`, { token, params, body: {} }),
      ]) expect(res.status).toBe(403);
    }
    expect((await call(users.GET, "GET", "/users", {})).status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });
});

describe("with a session cookie (CSRF)", () => {
  const APP = "http://localhost";
  const send = (handler: typeof users.POST, method: string, path: string, params: Record<string, string>, headers: Record<string, string>, body: string) =>
    handler(new Request(`${APP}/api/v1${path}`, { method, headers: { host: "localhost", ...headers }, body }), { params: Promise.resolve(params) });

  it("a cross-origin form post or a non-JSON body is refused and changes nothing; a same-origin JSON write works", async () => {
    const me = await getDb().user.create({ data: { email: `cookie-${tag()}@example.test`, passwordHash: "x", role: "admin" } });
    const { cookie } = await signInAs(me.id);
    const target = await makeUser("viewer");
    const params = { id: String(target.id) };
    const before = await snapshot();
    const body = (o: object) => JSON.stringify(o);
    for (const [type, origin, status] of [["text/plain", "http://evil.example", 403], ["application/x-www-form-urlencoded", "http://evil.example", 403], ["application/json", "http://evil.example", 403], ["text/plain", APP, 415]] as const) {
      const headers = { cookie, origin, "content-type": type };
      expect((await send(users.POST, "POST", "/users", {}, headers, body({ email: `csrf-${tag()}@example.test`, role: "admin" }))).status).toBe(status);
      expect((await send(user.PATCH, "PATCH", `/users/${target.id}`, params, headers, body({ role: "admin" }))).status).toBe(status);
      expect((await send(password.POST, "POST", `/users/${target.id}/password`, params, headers, body({}))).status).toBe(status);
    }
    expect(await snapshot()).toEqual(before);
    const ok = await send(user.PATCH, "PATCH", `/users/${target.id}`, params, { cookie, origin: APP, "content-type": "application/json" }, body({ role: "editor" }));
    expect(ok.status).toBe(200);
  });
});

describe("secrets", () => {
  it("no response so far carried a password hash, a hash column or an admin-set password", () => {
    expect(seen.length).toBeGreaterThan(40);
    for (const res of seen) {
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/\$2[aby]\$\d\d\$/);
      expect(text).not.toMatch(/password_?hash/i);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain("the-admin-chose-this");
    }
  });
});
