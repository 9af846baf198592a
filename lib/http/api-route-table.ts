// Which /api/v1 route handler a request path names, read from the build's
// own manifests (`next build` writes them): the same routes, in the same
// order, as Next's router matches them. Used by lib/http/api-dispatch.ts to
// call route handlers without Next's router; anything this table does not
// answer with certainty (a trailing slash, `//`, a percent-encoded path, a
// path no route matches) is left to Next, which answers it as it always has.

/** The parts of `routes-manifest.json` read here. */
export interface RoutesManifest {
  staticRoutes: ManifestRoute[];
  dynamicRoutes: ManifestRoute[];
  headers: HeaderRule[];
  redirects: Array<{ internal?: boolean }>;
  rewrites: unknown[] | Record<string, unknown[]>;
}

interface ManifestRoute { page: string; regex: string }

interface HeaderRule {
  regex: string;
  headers: Array<{ key: string; value: string }>;
  has?: unknown[];
  missing?: unknown[];
}

export interface RouteMatch {
  /** The route's page, e.g. "/api/v1/networks/[id]". */
  page: string;
  params: Record<string, string | string[]>;
}

export interface ApiRouteTable {
  match(pathname: string): RouteMatch | null;
  /** next.config.ts headers() for this path, in Next's order (a later rule's value wins). */
  headersFor(pathname: string): Array<[string, string]>;
}

const API_PREFIX = "/api/v1/";

/** A path Next would answer as-is: no trailing slash, empty, dot or encoded segment. */
function plainPath(pathname: string): boolean {
  if (!pathname.startsWith(API_PREFIX) || pathname.endsWith("/") || /[%\\]/.test(pathname)) return false;
  return pathname.split("/").slice(1).every((segment) => segment !== "" && segment !== "." && segment !== "..");
}

type Param = { name: string; catchAll: boolean };

/** `[id]`, `[...path]` and `[[...path]]` segments of a page, in order (the order of the route regex's groups). */
function paramsOf(page: string): Param[] {
  return page.split("/").flatMap((segment) => {
    const found = /^\[{1,2}(\.\.\.)?([^\]]+)\]{1,2}$/.exec(segment);
    return found ? [{ name: found[2], catchAll: Boolean(found[1]) }] : [];
  });
}

/** The regex's groups by name (a path with `%` never gets here, so there is nothing to decode). */
function namedParams(params: Param[], groups: Array<string | undefined>): RouteMatch["params"] {
  const out: RouteMatch["params"] = {};
  params.forEach((param, i) => {
    const raw = groups[i];
    if (raw !== undefined) out[param.name] = param.catchAll ? raw.split("/") : raw;
  });
  return out;
}

/**
 * The table, or null when the manifest holds something this table does not
 * reproduce (rewrites, redirects beyond Next's trailing-slash one, header
 * rules with conditions): then every request goes to Next.
 */
export function apiRouteTable(manifest: RoutesManifest): ApiRouteTable | null {
  const rewrites = Array.isArray(manifest.rewrites) ? manifest.rewrites : Object.values(manifest.rewrites).flat();
  if (rewrites.length > 0 || manifest.redirects.some((r) => !r.internal)) return null;
  if (manifest.headers.some((rule) => rule.has?.length || rule.missing?.length)) return null;
  const api = (route: ManifestRoute) => route.page.startsWith(API_PREFIX);
  const statics = new Set(manifest.staticRoutes.filter(api).map((route) => route.page));
  const dynamics = manifest.dynamicRoutes.filter(api).map((route) => ({
    page: route.page, regex: new RegExp(route.regex), params: paramsOf(route.page),
  }));
  const rules = manifest.headers.map((rule) => ({ regex: new RegExp(rule.regex), headers: rule.headers }));
  return {
    match(pathname) {
      if (!plainPath(pathname)) return null;
      // Next tries the routes without parameters first, then the others in the manifest's order.
      if (statics.has(pathname)) return { page: pathname, params: {} };
      for (const route of dynamics) {
        const found = route.regex.exec(pathname);
        if (!found) continue;
        return { page: route.page, params: namedParams(route.params, found.slice(1)) };
      }
      return null;
    },
    headersFor(pathname) {
      return rules.filter((rule) => rule.regex.test(pathname)).flatMap((rule) => rule.headers.map((h) => [h.key, h.value] as [string, string]));
    },
  };
}
