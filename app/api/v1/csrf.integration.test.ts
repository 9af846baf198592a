import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { call, tokenFor } from "@/tests/api/client";
import { userWithToken } from "@/tests/api/owned-token";
import { signInAs } from "@/tests/auth/session";
import { getDb } from "@/lib/db/client";
import { apiRoutes, WRITE_METHODS } from "@/tests/authorization/api-routes";
import { databaseSnapshot } from "@/tests/authorization/db-snapshot";
import { sendPrepared } from "@/tests/authorization/route-request";
import { ipamCases } from "@/tests/authorization/route-cases-ipam";
import { accessCases } from "@/tests/authorization/route-cases-access";
import { revertCases } from "@/tests/authorization/route-cases-reverts";
import { discoveryCases } from "@/tests/authorization/route-cases-discovery";
import type { Caller } from "@/tests/authorization/callers";

// CSRF: a page on another origin can make the signed-in user's browser POST
// to /api/v1 with the session cookie, using only what needs no CORS
// preflight: a form (text/plain, urlencoded, multipart) or a no-cors fetch
// with one of those content types and a JSON text body. Each such write is
// refused and changes nothing; a same-origin JSON write still works, and a
// Bearer token (which a browser never attaches on its own) is not affected.

// The cookie is a real session (tests/auth/session.ts): a sessions row and
// next-auth's encrypted JWT, read from the request like any browser's.

const hosts = await import("@/app/api/v1/hosts/route");
const allocate = await import("@/app/api/v1/ip/networks/[id]/allocate/route");
const tokens = await import("@/app/api/v1/tokens/route");
const importFile = await import("@/app/api/v1/import/[name]/route");
const networks = await import("@/app/api/v1/networks/route");

useTestDatabase();

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface Target {
  name: string;
  handler: Handler;
  path: string;
  params: Record<string, string>;
  /** A fresh JSON body each call, so successful writes never collide. */
  body: () => object;
}

const APP = "http://localhost";
const EVIL = "http://evil.example";
let networkId = 0;
let n = 0;
let bearer: string;

const targets: Target[] = [
  { name: "POST /hosts", handler: hosts.POST, path: "/hosts", params: {}, body: () => ({ ip_address: `10.60.0.${++n}`, description: "csrf" }) },
  { name: "POST /ip/networks/{id}/allocate", handler: allocate.POST, path: "", params: {}, body: () => ({ hostname: `csrf-${++n}` }) },
  { name: "POST /tokens", handler: tokens.POST, path: "/tokens", params: {}, body: () => ({ name: `csrf-${++n}`, role: "admin" }) },
];

/** What a request that must be refused could have written. */
const snapshot = async () => ({ hosts: await getDb().host.count(), tokens: await getDb().apiToken.count() });

function request(target: Target, contentType: string | null, headers: Record<string, string>, body: BodyInit = JSON.stringify(target.body())): Promise<Response> {
  const path = target.handler === allocate.POST ? `/ip/networks/${networkId}/allocate` : target.path;
  const all: Record<string, string> = { host: "localhost", ...headers };
  if (contentType) all["content-type"] = contentType;
  const req = new Request(`${APP}/api/v1${path}`, { method: "POST", headers: all, body });
  const params = target.handler === allocate.POST ? { id: String(networkId) } : target.params;
  return target.handler(req, { params: Promise.resolve(params) });
}

let cookie: { cookie: string };
/** The signed-in admin, as the route cases see their caller. */
let sessionUser: Caller;
// Content types a cross-origin page can send without a preflight (a form's enctypes).
const simpleTypes = ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=----x"];

beforeAll(async () => {
  const admin = await userWithToken("admin");
  cookie = { cookie: (await signInAs(admin.user.id)).cookie };
  sessionUser = { name: "admin", owned: admin, headers: cookie };
  bearer = await tokenFor("admin");
  networkId = (await call(networks.POST, "POST", "/networks", { token: bearer, body: { network: "10.60.0.0/16", name: "csrf" } })).body.id;
});

describe.each(targets)("$name with the session cookie", (target) => {
  it.each(simpleTypes)("403 for a cross-origin %s post, nothing written", async (type) => {
    const before = await snapshot();
    const res = await request(target, type, { ...cookie, origin: EVIL, "sec-fetch-site": "cross-site" });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["another origin on the same site (port)", { origin: "http://localhost:8080" }],
    ["an opaque origin (sandboxed frame)", { origin: "null" }],
    ["no Origin, Sec-Fetch-Site cross-site", { "sec-fetch-site": "cross-site" }],
    ["no Origin, Sec-Fetch-Site same-site", { "sec-fetch-site": "same-site" }],
    ["neither Origin nor Sec-Fetch-Site", {}],
  ])("403 for a JSON post from %s, nothing written", async (_, headers) => {
    const before = await snapshot();
    const res = await request(target, "application/json", { ...cookie, ...headers });
    expect(res.status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it.each(simpleTypes)("415 unsupported_media_type for a same-origin %s body, nothing written", async (type) => {
    const before = await snapshot();
    const res = await request(target, type, { ...cookie, origin: APP });
    expect(res.status).toBe(415);
    expect((await res.json()).error).toMatchObject({ code: "unsupported_media_type", details: { accepts: ["application/json"] } });
    expect(await snapshot()).toEqual(before);
  });

  it("201 for a same-origin JSON post (Origin, or Sec-Fetch-Site: same-origin without it)", async () => {
    const before = await snapshot();
    expect((await request(target, "application/json", { ...cookie, origin: APP })).status).toBe(201);
    expect((await request(target, "application/json; charset=utf-8", { ...cookie, "sec-fetch-site": "same-origin" })).status).toBe(201);
    const after = await snapshot();
    expect(after.hosts + after.tokens).toBe(before.hosts + before.tokens + 2);
  });

  it.each(simpleTypes)("a Bearer token is not affected: 201 for a cross-origin %s post", async (type) => {
    const res = await request(target, type, { authorization: `Bearer ${bearer}`, origin: EVIL });
    expect(res.status).toBe(201);
  });
});

describe("POST /import/{name} with the session cookie", () => {
  const upload = () => {
    const form = new FormData();
    form.set("file", new File([`ip_address,hostname\n10.60.1.${++n},imported-${n}\n`], "hosts.csv", { type: "text/csv" }));
    return form;
  };
  const target: Target = { name: "import", handler: importFile.POST, path: "/import/auto", params: { name: "auto" }, body: () => ({}) };

  it("the import page's same-origin multipart upload works", async () => {
    const before = await snapshot();
    const res = await request(target, null, { ...cookie, origin: APP }, upload());
    expect(res.status).toBe(200);
    expect((await snapshot()).hosts).toBe(before.hosts + 1);
  });

  it("a raw CSV body from this site works; a cross-origin upload is 403 and imports nothing", async () => {
    const before = await snapshot();
    const csv = `ip_address\n10.60.2.${++n}\n`;
    expect((await request({ ...target, params: { name: "csv" } }, "text/csv", { ...cookie, origin: APP }, csv)).status).toBe(200);
    expect((await request(target, null, { ...cookie, origin: EVIL }, upload())).status).toBe(403);
    expect((await request(target, null, cookie, upload())).status).toBe(403);
    expect((await snapshot()).hosts).toBe(before.hosts + 1);
  });
});

// Every write route (found on disk) with the session cookie, from another
// site: the form's three encodings (and text/plain's charset form), with an
// Origin of another site or, as some browsers send it, no Origin but
// Sec-Fetch-Site: cross-site. Each call has a real target and a valid body,
// so the refusal can only come from the CSRF check; the same call made from
// this site's own pages works.
const writeRoutes = (await apiRoutes()).filter((r) => WRITE_METHODS.has(r.method));
const routeCases = [...ipamCases, ...accessCases, ...revertCases, ...discoveryCases];
const crossSite: Array<[string, Record<string, string>]> = [
  ["an Origin of another site", { origin: EVIL, "sec-fetch-site": "cross-site" }],
  ["Sec-Fetch-Site: cross-site without Origin", { "sec-fetch-site": "cross-site" }],
];

describe.each(writeRoutes)("$key with the session cookie", (route) => {
  const c = routeCases.find((rc) => rc.key === route.key);

  it("has a case to call it with (tests/authorization/route-cases-*.ts)", () => {
    expect(c, `no case for ${route.key}`).toBeDefined();
  });

  describe.each(crossSite)("from %s", (_, headers) => {
    it.each(simpleTypes)("%s: refused, every table unchanged", async (type) => {
      const prepared = (await c!.prepare?.(sessionUser)) ?? {};
      const before = await databaseSnapshot();
      const reply = await sendPrepared(route.handler, route.method, { ...prepared, body: prepared.body ?? "" }, { ...cookie, ...headers }, type);
      expect(reply.status, reply.text).toBe(403);
      expect(reply.json().error.code).toBe("forbidden");
      expect(await databaseSnapshot()).toBe(before);
    });
  });

  it("works as a same-origin JSON call from this site's pages", async () => {
    const prepared = (await c!.prepare?.(sessionUser)) ?? {};
    const reply = await sendPrepared(route.handler, route.method, prepared, { ...cookie, origin: APP, "content-type": "application/json" });
    expect(reply.status, reply.text).toBe(c!.ok);
    await prepared.effect?.(reply);
  });
});
