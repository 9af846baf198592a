import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import nextConfig from "@/next.config";
import { config as proxyConfig, proxy } from "@/proxy";
import { CSP_HEADER, contentSecurityPolicy, FIXED_SECURITY_HEADERS, newNonce } from "@/lib/http/security-headers";
import { globalConfig } from "zod/v4/core";

const directive = (policy: string, name: string) =>
  policy.split("; ").find((d) => d.startsWith(`${name} `))?.split(" ").slice(1) ?? null;

describe("security headers", () => {
  it("the production policy allows no eval, no inline script, no framing, no plugins", () => {
    for (const policy of [contentSecurityPolicy(), contentSecurityPolicy({ nonce: newNonce() })]) {
      expect(policy).not.toContain("unsafe-eval");
      expect(directive(policy, "script-src")).not.toContain("'unsafe-inline'");
      expect(directive(policy, "frame-ancestors")).toEqual(["'none'"]);
      expect(directive(policy, "object-src")).toEqual(["'none'"]);
      expect(directive(policy, "base-uri")).toEqual(["'none'"]);
      expect(directive(policy, "default-src")).toEqual(["'self'"]);
    }
    expect(directive(contentSecurityPolicy(), "script-src")).toEqual(["'self'"]);
    expect(contentSecurityPolicy({ dev: true })).toContain("'unsafe-eval'");
  });

  it("a page's script-src trusts only its nonce and what the nonced scripts load", () => {
    const nonce = newNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(nonce);
    expect(directive(contentSecurityPolicy({ nonce }), "script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
  });

  it("next.config.ts sets the fixed headers, from this module, on every path, and the nonce-free policy on the API", async () => {
    const rules = await nextConfig.headers!();
    const bySource = Object.fromEntries(rules.map((r) => [r.source, Object.fromEntries(r.headers.map((h) => [h.key, h.value]))]));
    expect(Object.keys(bySource).sort()).toEqual(["/:path*", "/api", "/api/:path*"]);
    expect(bySource["/:path*"]).toEqual(FIXED_SECURITY_HEADERS);
    expect(bySource["/api/:path*"]).toEqual({ [CSP_HEADER]: contentSecurityPolicy() });
    expect(bySource["/api"]).toEqual({ [CSP_HEADER]: contentSecurityPolicy() });
    expect(FIXED_SECURITY_HEADERS).toEqual({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
  });

  it("proxy.ts gives a page a fresh nonce, the same one on the request Next renders and on the response", () => {
    const forged = new NextRequest("http://ipam.test/networks", { headers: { [CSP_HEADER]: "script-src 'unsafe-inline'" } });
    const first = proxy(forged);
    const policy = first.headers.get(CSP_HEADER)!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(policy).toBe(contentSecurityPolicy({ nonce }));
    // NextResponse.next({ request: { headers } }) carries the overridden request headers this way.
    expect(first.headers.get(`x-middleware-request-${CSP_HEADER.toLowerCase()}`)).toBe(policy);
    const second = proxy(new NextRequest("http://ipam.test/login"));
    expect(second.headers.get(CSP_HEADER)).not.toBe(policy);
  });

  it("proxy.ts never runs for /api (it would make Next buffer and cut request bodies over 10 MB), but runs for every page", () => {
    const matcher = new RegExp(`^${proxyConfig.matcher[0]}$`);
    for (const path of ["/api", "/api/v1/hosts", "/api/v1/import/csv", "/api/auth/session", "/_next/static/x.js"]) expect(matcher.test(path), path).toBe(false);
    for (const path of ["/", "/networks/1", "/login", "/apis", "/api-docs"]) expect(matcher.test(path), path).toBe(true);
  });

  it("the browser's zod never probes eval (instrumentation-client.ts), so forms raise no CSP violation", async () => {
    expect(globalConfig.jitless).toBeFalsy();
    await import("@/instrumentation-client");
    expect(globalConfig.jitless).toBe(true);
  });
});
