import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { createToken, uniqueSpace } from "./helpers";

// The production server calls /api/v1 route handlers itself
// (lib/http/api-dispatch.ts); a path with `%` in it is left to Next, which
// decodes it to the same route. So each request is sent twice, once plain
// (answered by the dispatcher) and once with its parameter percent-encoded
// (answered by Next), and the two answers must be the same: status, body
// and headers. Next marks its route answers with its router's Vary names
// (rsc, next-router-state-tree …), the dispatcher does not: that tells the
// two apart, so the test fails should the dispatcher stop answering.

/** Every character of a path parameter as %XX: the same route and value for Next, not taken by the dispatcher. */
const encoded = (value: string | number) => [...Buffer.from(String(value))].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join("");

/** Headers that differ between any two answers, or between the two servers by design (Vary, above). */
const VOLATILE = new Set(["date", "x-request-id", "vary", "connection", "keep-alive", "transfer-encoding", "ratelimit-remaining", "ratelimit-reset"]);

function stableHeaders(response: APIResponse): Record<string, string> {
  return Object.fromEntries(Object.entries(response.headers()).filter(([name]) => !VOLATILE.has(name)));
}

/** The answers' bodies as compared: the dnsmasq file's "# Generated:" time differs between any two downloads. */
const comparable = async (response: APIResponse) => (await response.text()).replace(/^# Generated: .*$/m, "");

async function expectSameAnswer(direct: APIResponse, viaNext: APIResponse): Promise<void> {
  expect(direct.headers().vary ?? "", "the dispatcher answered the plain path").not.toContain("rsc");
  expect(viaNext.headers().vary ?? "", "Next answered the encoded path").toContain("rsc");
  expect(direct.status()).toBe(viaNext.status());
  expect(stableHeaders(direct)).toEqual(stableHeaders(viaNext));
  expect(await comparable(direct)).toEqual(await comparable(viaNext));
}

/** `path(param)` sent plain and encoded, after one call that makes sure the route has loaded (its first call is Next's). */
async function both(request: APIRequestContext, path: (param: string) => string, param: string | number, init: Parameters<APIRequestContext["fetch"]>[1]) {
  await request.fetch(path(String(param)), init);
  const direct = await request.fetch(path(String(param)), init);
  const viaNext = await request.fetch(path(encoded(param)), init);
  return { direct, viaNext };
}

test("API answers from the dispatcher equal Next's for reads, errors, downloads and gzip", async ({ request }) => {
  const token = createToken("editor");
  const headers = { authorization: `Bearer ${token}`, "accept-encoding": "gzip" };
  const space = uniqueSpace();
  const network = await (await request.post("/api/v1/networks", { headers, data: { network: `${space}.0.0/24`, name: `dispatch-${space}`, domain: "dispatch.test" } })).json();
  for (let i = 0; i < 3; i++) {
    expect((await request.post(`/api/v1/ip/networks/${network.id}/allocate`, { headers, data: { hostname: `d${i}`, mac_address: `02:00:00:00:00:0${i}` } })).status()).toBe(201);
  }
  const reads: Array<[(p: string) => string, string | number]> = [
    [(id) => `/api/v1/networks/${id}`, network.id],
    [(id) => `/api/v1/networks/${id}/hosts?per_page=2`, network.id],
    [(id) => `/api/v1/ip/networks/${id}/free-ranges?limit=3`, network.id],
    [(address) => `/api/v1/ip/${address}`, `${space}.0.1`],
    [(name) => `/api/v1/export/${name}`, "dnsmasq"],
    [(name) => `/api/v1/export/${name}?network_id=${network.id}`, "csv"],
    // Refusals: a missing network, an id that is not one, a bad query parameter.
    [(id) => `/api/v1/networks/${id}`, 999999999],
    [(id) => `/api/v1/networks/${id}`, "abc"],
    [(id) => `/api/v1/networks/${id}/hosts?per_page=0`, network.id],
  ];
  for (const [path, param] of reads) {
    const { direct, viaNext } = await both(request, path, param, { headers });
    await test.step(path(String(param)), () => expectSameAnswer(direct, viaNext));
  }
  const download = await request.get(`/api/v1/export/dnsmasq`, { headers });
  expect(download.headers()["content-encoding"]).toBe("gzip");
  expect(await download.text()).toContain(`${space}.0.1`);
  // No credentials, and a token that does not exist: the same 401 from both.
  const anonymous = await both(request, (id) => `/api/v1/networks/${id}`, network.id, {});
  await expectSameAnswer(anonymous.direct, anonymous.viaNext);
  const forged = await both(request, (id) => `/api/v1/networks/${id}`, network.id, { headers: { authorization: "Bearer ipam_forged" } });
  await expectSameAnswer(forged.direct, forged.viaNext);
});

test("writes through the dispatcher: allocation, a refused body and a viewer's token", async ({ request }) => {
  const token = createToken("editor");
  const headers = { authorization: `Bearer ${token}` };
  const space = uniqueSpace();
  const network = await (await request.post("/api/v1/networks", { headers, data: { network: `${space}.0.0/29`, name: `dispatch-w-${space}` } })).json();
  const allocate = (id: string) => `/api/v1/ip/networks/${id}/allocate`;
  const { direct, viaNext } = await both(request, allocate, network.id, { method: "POST", headers, data: { count: 1 } });
  expect([direct.status(), viaNext.status()]).toEqual([201, 201]);
  expect(direct.headers().location).toBe(`/api/v1/networks/${network.id}/hosts`);
  const addresses = [...(await direct.json()).items, ...(await viaNext.json()).items].map((h: { ip_address: string }) => h.ip_address);
  expect(addresses).toEqual([`${space}.0.2`, `${space}.0.3`]);
  // A body that breaks the schema writes nothing, with the same 422 from both.
  const refused = await both(request, allocate, network.id, { method: "POST", headers, data: { count: 0 } });
  await expectSameAnswer(refused.direct, refused.viaNext);
  expect(refused.direct.status()).toBe(422);
  const viewer = await both(request, allocate, network.id, { method: "POST", headers: { authorization: `Bearer ${createToken("viewer")}` }, data: {} });
  await expectSameAnswer(viewer.direct, viewer.viaNext);
  expect(viewer.direct.status()).toBe(403);
  expect((await (await request.get(`/api/v1/networks/${network.id}`, { headers })).json()).used_hosts).toBe(3);
});

test("what the dispatcher leaves to Next still works: HEAD, a trailing slash, an unknown path and method", async ({ request }) => {
  const headers = { authorization: `Bearer ${createToken("viewer")}` };
  expect((await request.head("/api/v1/health")).status()).toBe(200);
  const slash = await request.get("/api/v1/networks/", { headers, maxRedirects: 0 });
  expect(slash.status()).toBe(308);
  expect(slash.headers().location).toBe("/api/v1/networks");
  expect((await request.get("/api/v1/no-such-thing", { headers })).status()).toBe(404);
  expect((await request.fetch("/api/v1/health", { method: "PUT" })).status()).toBe(405);
});
