import { expect, test } from "@playwright/test";
import { createToken } from "./helpers";

// 200 simultaneous allocations against the production build (npm start):
// every caller gets its own address and nothing fails.

test("200 parallel allocations yield 200 distinct addresses and no errors", async ({ request }) => {
  const token = createToken("editor");
  const headers = { authorization: `Bearer ${token}` };
  const created = await request.post("/api/v1/networks", { headers, data: { network: "10.200.0.0/22", name: `e2e-alloc-${Date.now()}` } });
  expect(created.status()).toBe(201);
  const network = await created.json();

  const responses = await Promise.all(
    Array.from({ length: 200 }, (_, i) => request.post(`/api/v1/ip/networks/${network.id}/allocate`, { headers, data: { hostname: `alloc-${i}` } })),
  );
  const statuses = responses.map((r) => r.status());
  expect(statuses.filter((s) => s !== 201)).toEqual([]);
  const addresses = await Promise.all(responses.map(async (r) => (await r.json()).ip_address as string));
  expect(new Set(addresses).size).toBe(200);

  const after = await request.get(`/api/v1/networks/${network.id}`, { headers });
  expect((await after.json()).used_hosts).toBe(200);
  const hosts = await request.get(`/api/v1/networks/${network.id}/hosts?per_page=1000`, { headers });
  const listed = (await hosts.json()) as { total: number; items: Array<{ ip_address: string }> };
  expect(listed.total).toBe(200);
  expect(listed.items.map((h) => h.ip_address).sort()).toEqual([...addresses].sort());
});

test("the API answers without credentials only on public endpoints", async ({ request }) => {
  expect((await request.get("/api/v1/health")).status()).toBe(200);
  expect((await request.get("/api/v1/openapi.json")).status()).toBe(200);
  const docs = await request.get("/api/v1/docs");
  expect(docs.headers()["content-type"]).toContain("text/html");
  expect((await request.get("/api/v1/docs/assets/swagger-ui-bundle.js")).status()).toBe(200);
  const anonymous = await request.get("/api/v1/networks");
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe("unauthorized");
});
