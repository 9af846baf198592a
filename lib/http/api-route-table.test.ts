import { describe, expect, it } from "vitest";
import { apiRouteTable, type RoutesManifest } from "./api-route-table";

// The table reads the manifest `next build` writes; these are its shapes
// (regexes as Next 16 writes them) for a few routes.
const route = (page: string, regex: string) => ({ page, regex });
const manifest = (): RoutesManifest => ({
  staticRoutes: [
    route("/", "^/(?:/)?$"),
    route("/api/v1/hosts", "^/api/v1/hosts(?:/)?$"),
    route("/api/v1/hosts/bulk-edit", "^/api/v1/hosts/bulk\\-edit(?:/)?$"),
  ],
  dynamicRoutes: [
    route("/api/auth/[...nextauth]", "^/api/auth/(.+?)(?:/)?$"),
    route("/api/v1/hosts/[id]", "^/api/v1/hosts/([^/]+?)(?:/)?$"),
    route("/api/v1/networks/[id]/hosts", "^/api/v1/networks/([^/]+?)/hosts(?:/)?$"),
    route("/api/v1/files/[...path]", "^/api/v1/files/(.+?)(?:/)?$"),
    route("/hosts/[id]", "^/hosts/([^/]+?)(?:/)?$"),
  ],
  headers: [
    { regex: "^(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$", headers: [{ key: "X-Frame-Options", value: "DENY" }, { key: "X-Test", value: "all" }] },
    { regex: "^/api(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$", headers: [{ key: "X-Test", value: "api" }] },
    { regex: "^/other(?:/)?$", headers: [{ key: "X-Other", value: "1" }] },
  ],
  redirects: [{ internal: true }],
  rewrites: { beforeFiles: [], afterFiles: [], fallback: [] },
});

describe("apiRouteTable", () => {
  const table = apiRouteTable(manifest())!;

  it("matches a route without parameters before one with (bulk-edit is not a host id)", () => {
    expect(table.match("/api/v1/hosts/bulk-edit")).toEqual({ page: "/api/v1/hosts/bulk-edit", params: {} });
    expect(table.match("/api/v1/hosts/17")).toEqual({ page: "/api/v1/hosts/[id]", params: { id: "17" } });
    expect(table.match("/api/v1/hosts")).toEqual({ page: "/api/v1/hosts", params: {} });
  });

  it("names the parameters from the page, a catch-all as its segments", () => {
    expect(table.match("/api/v1/networks/4/hosts")).toEqual({ page: "/api/v1/networks/[id]/hosts", params: { id: "4" } });
    expect(table.match("/api/v1/files/a/b.txt")).toEqual({ page: "/api/v1/files/[...path]", params: { path: ["a", "b.txt"] } });
  });

  it("leaves to Next what it would redirect, decode or answer itself", () => {
    for (const path of [
      "/api/v1/hosts/",          // trailing slash: Next's 308
      "/api/v1//hosts",          // repeated slash: Next's 308
      "/api/v1/hosts/%31",       // encoded: Next decodes
      "/api/v1/hosts/a\\b",      // backslash: Next's 308
      "/api/v1/hosts/..",        // dot segments
      "/api/v1/hosts/./x",
      "/api/v1/nothing/here/at/all",
      "/api/auth/signin",        // sign-in, outside /api/v1
      "/hosts/3",                // a page
      "/API/v1/hosts",
    ]) expect(table.match(path), path).toBeNull();
  });

  it("gives next.config headers in rule order, a later rule's value last", () => {
    expect(table.headersFor("/api/v1/hosts")).toEqual([["X-Frame-Options", "DENY"], ["X-Test", "all"], ["X-Test", "api"]]);
  });

  it("is not made when the manifest has what it does not reproduce", () => {
    expect(apiRouteTable({ ...manifest(), rewrites: { beforeFiles: [{}], afterFiles: [], fallback: [] } })).toBeNull();
    expect(apiRouteTable({ ...manifest(), rewrites: [{}] })).toBeNull();
    expect(apiRouteTable({ ...manifest(), redirects: [{ internal: true }, {}] })).toBeNull();
    expect(apiRouteTable({ ...manifest(), headers: [{ regex: "^/api$", headers: [], has: [{ type: "header", key: "x" }] }] })).toBeNull();
  });
});
