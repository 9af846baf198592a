import { describe, expect, it } from "vitest";
import { call } from "@/tests/api/client";
import * as openapi from "@/app/api/v1/openapi.json/route";
import * as docs from "@/app/api/v1/docs/route";
import * as assets from "@/app/api/v1/docs/assets/[file]/route";
import { apiOperations } from "@/app/api/v1/openapi.json/document";

describe("GET /api/v1/openapi.json", () => {
  it("is OpenAPI 3.1 covering every endpoint, with schemas generated from the zod schemas", async () => {
    const res = await call(openapi.GET, "GET", "/openapi.json");
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe("3.1.0");
    const listed = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${path}`));
    for (const endpoint of [
      "GET /networks", "POST /networks", "GET /networks/{id}", "PUT /networks/{id}", "PATCH /networks/{id}", "DELETE /networks/{id}",
      "GET /networks/{id}/hosts", "GET /networks/{id}/available-subnets", "POST /networks/{id}/subnets",
      "GET /hosts", "POST /hosts", "GET /hosts/{id}", "PUT /hosts/{id}", "PATCH /hosts/{id}", "DELETE /hosts/{id}",
      "GET /ip/networks/{id}/next-ip", "GET /ip/networks/{id}/available-ips", "GET /ip/networks/{id}/free-ranges",
      "POST /ip/networks/{id}/allocate", "GET /ip/{address}", "GET /health", "GET /openapi.json", "GET /docs",
      "GET /export", "GET /export/{name}", "GET /import", "POST /import/{name}",
    ]) expect(listed).toContain(endpoint);
    expect(listed).toHaveLength(apiOperations.length);
    const post = doc.paths["/networks"].post;
    const body = post.requestBody.content["application/json"].schema.oneOf[0];
    expect(body.additionalProperties).toBe(false);
    expect(body.properties.network.description).toContain("prefix");
    expect(body.properties.id.readOnly).toBe(true);
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(["201", "401", "403", "409", "413", "422"]));
    const perPage = doc.paths["/hosts"].get.parameters.find((p: { name: string }) => p.name === "per_page");
    expect(perPage.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 1000 });
    expect(doc.paths["/health"].get.security).toEqual([]);
    expect(doc.components.securitySchemes.bearerAuth.scheme).toBe("bearer");
  });
});

describe("GET /api/v1/docs", () => {
  it("serves an HTML page whose assets come from node_modules (no CDN)", async () => {
    const page = await call(docs.GET, "GET", "/docs");
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = String(page.body);
    const urls = [...html.matchAll(/(?:src=|<link[^>]*href=)"([^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(3);
    expect(urls.every((u) => u.startsWith("/api/v1/"))).toBe(true);
    // The one other link is the way back to the app.
    expect([...html.matchAll(/<a [^>]*href="([^"]+)"[^>]*>([^<]+)</g)].map((m) => [m[1], m[2]])).toEqual([["/", "&larr; Back to IPAM"]]);
    for (const file of urls.map((u) => u.split("/").pop()!)) {
      const res = await assets.GET(new Request(`http://localhost/api/v1/docs/assets/${file}`), { params: Promise.resolve({ file }) });
      expect(res.status, file).toBe(200);
      expect((await res.arrayBuffer()).byteLength, file).toBeGreaterThan(100);
    }
  });
  it("refuses files outside the allow-list", async () => {
    for (const file of ["package.json", "../../package.json", "swagger-ui-bundle.js.map", "index.html"]) {
      const res = await assets.GET(new Request("http://localhost/x"), { params: Promise.resolve({ file }) });
      expect(res.status).toBe(404);
    }
  });
});
