import { afterEach, describe, expect, it } from "vitest";
import { EnvError, loadEnv, overrideEnv } from "@/lib/env";

// The sign-in and proxy settings of lib/env.ts: defaults, parsing, and the
// one-line refusal of a setting that cannot work.

const saved = { ...process.env };
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  overrideEnv(saved as Record<string, string>);
});

function load(values: Record<string, string>) {
  overrideEnv(values);
  return loadEnv();
}

describe("sign-in settings", () => {
  it("default to local sign-in, no trusted proxy, and the usual OIDC names", () => {
    for (const key of Object.keys(process.env)) if (/^(AUTH_MODE|LOCAL_LOGIN|TRUST|OIDC_|PROXY_AUTH_)/.test(key)) delete process.env[key];
    expect(load({})).toMatchObject({
      AUTH_MODE: "local", LOCAL_LOGIN: true, TRUST_PROXY: false, TRUSTED_PROXIES: [],
      OIDC_SCOPES: "openid email profile groups", OIDC_GROUPS_CLAIM: "groups", OIDC_DEFAULT_ROLE: "viewer",
      PROXY_AUTH_USER_HEADER: "x-forwarded-user", PROXY_AUTH_SECRET_HEADER: "x-proxy-auth-secret",
    });
  });

  it("parses flags, CIDR lists, the role map, and lower-cases header names", () => {
    const env = load({
      AUTH_MODE: "proxy", LOCAL_LOGIN: "false", TRUST_PROXY: "1", TRUSTED_PROXIES: "10.0.0.0/8, 192.0.2.7",
      OIDC_ROLE_MAP: "ipam-admins=admin", PROXY_AUTH_USER_HEADER: "Remote-User", PROXY_AUTH_GROUPS_HEADER: "Remote-Groups",
    });
    expect(env).toMatchObject({ AUTH_MODE: "proxy", LOCAL_LOGIN: false, TRUST_PROXY: true, PROXY_AUTH_USER_HEADER: "remote-user", PROXY_AUTH_GROUPS_HEADER: "remote-groups" });
    expect(env.TRUSTED_PROXIES.map((p) => p.length)).toEqual([8, 32]);
    expect(env.OIDC_ROLE_MAP.get("ipam-admins")).toBe("admin");
  });

  it.each([
    [{ AUTH_MODE: "oidc", OIDC_CLIENT_ID: "ipam", OIDC_CLIENT_SECRET: "s" }, "OIDC_ISSUER: is required when AUTH_MODE=oidc"],
    [{ AUTH_MODE: "oidc", OIDC_ISSUER: "https://id.example", OIDC_CLIENT_SECRET: "s" }, "OIDC_CLIENT_ID: is required when AUTH_MODE=oidc"],
    [{ AUTH_MODE: "oidc", OIDC_ISSUER: "https://id.example", OIDC_CLIENT_ID: "ipam" }, "OIDC_CLIENT_SECRET: is required when AUTH_MODE=oidc"],
    [{ AUTH_MODE: "ldap" }, "AUTH_MODE: "],
    [{ LOCAL_LOGIN: "no" }, "LOCAL_LOGIN: "],
    [{ TRUSTED_PROXIES: "10.0.0.1/8" }, 'TRUSTED_PROXIES: "10.0.0.1/8" is not a CIDR'],
    [{ OIDC_ROLE_MAP: "ipam-admins=root" }, 'OIDC_ROLE_MAP: "ipam-admins=root" is not group=admin'],
    [{ OIDC_DEFAULT_ROLE: "guest" }, "OIDC_DEFAULT_ROLE: "],
    [{ PROXY_AUTH_USER_HEADER: "X User" }, "PROXY_AUTH_USER_HEADER: must be an HTTP header name"],
    [{ PROXY_AUTH_SECRET: "short" }, "PROXY_AUTH_SECRET: "],
  ])("%o is refused with one line naming the variable", (values, message) => {
    for (const key of ["AUTH_MODE", "OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"]) delete process.env[key];
    expect(() => load(values)).toThrow(EnvError);
    expect(() => load(values)).toThrow(`Invalid environment variable ${message}`);
  });

  it("accepts oidc mode with its three settings", () => {
    expect(load({ AUTH_MODE: "oidc", OIDC_ISSUER: "https://id.example/realms/x", OIDC_CLIENT_ID: "ipam", OIDC_CLIENT_SECRET: "s" }).AUTH_MODE).toBe("oidc");
  });
});
