import { afterEach, describe, expect, it } from "vitest";
import { loadEnv, overrideEnv } from "@/lib/env";
import { proxyIdentity } from "@/lib/auth/proxy-auth";
import { PEER_HEADER, peerHeaderValue } from "@/lib/http/peer-header";

// Which requests' identity headers are believed in AUTH_MODE=proxy: the
// peer our server recorded must be a trusted proxy and, when configured,
// the shared secret must match. (The users they name: provision-external-user.)

const KEY = "p".repeat(43);
const SECRET = "proxy-shared-secret-0123";
const saved = { ...process.env };
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  overrideEnv(saved as Record<string, string>);
});

function configure(values: Record<string, string> = {}) {
  for (const key of Object.keys(process.env)) if (/^(PROXY_AUTH_|OIDC_)/.test(key)) delete process.env[key];
  overrideEnv({ AUTH_MODE: "proxy", IPAM_PEER_KEY: KEY, TRUSTED_PROXIES: "10.0.0.0/8", OIDC_ROLE_MAP: "ipam-admins=admin,ipam-editors=editor", ...values });
  return loadEnv();
}

/** A request as our server hands it to the app: the socket's address in the peer header, plus what the proxy (or anyone) sent. */
function from(peer: string, sent: Record<string, string>): Headers {
  return new Headers({ ...sent, [PEER_HEADER]: peerHeaderValue(KEY, peer) });
}

describe("proxyIdentity", () => {
  it("honours the user header from a trusted proxy, with email and groups mapped to a role", () => {
    configure({ PROXY_AUTH_EMAIL_HEADER: "X-Forwarded-Email", PROXY_AUTH_GROUPS_HEADER: "X-Forwarded-Groups" });
    const who = proxyIdentity(from("10.1.2.3", { "x-forwarded-user": "ada", "x-forwarded-email": "Ada@Example.test", "x-forwarded-groups": "staff, ipam-editors" }));
    expect(who).toEqual({ source: "proxy", externalId: "proxy|ada", email: "ada@example.test", name: null, role: "editor" });
  });

  it("ignores the same headers from an address that is not a trusted proxy (spoofed)", () => {
    configure();
    expect(proxyIdentity(from("203.0.113.5", { "x-forwarded-user": "admin" }))).toBeNull();
  });

  it("ignores them when X-Forwarded-For claims a trusted proxy: only the socket's peer counts", () => {
    configure();
    expect(proxyIdentity(from("203.0.113.5", { "x-forwarded-user": "admin", "x-forwarded-for": "10.0.0.1" }))).toBeNull();
  });

  it("ignores them under a plain next start, where the peer header can be forged", () => {
    configure();
    expect(proxyIdentity(new Headers({ [PEER_HEADER]: "10.0.0.1", "x-forwarded-user": "admin" }))).toBeNull();
    delete process.env.IPAM_PEER_KEY;
    overrideEnv({});
    expect(proxyIdentity(from("10.0.0.1", { "x-forwarded-user": "admin" }))).toBeNull();
  });

  it("with PROXY_AUTH_SECRET, requires the secret header: missing or wrong is ignored", () => {
    configure({ PROXY_AUTH_SECRET: SECRET });
    expect(proxyIdentity(from("10.0.0.1", { "x-forwarded-user": "ada" }))).toBeNull();
    expect(proxyIdentity(from("10.0.0.1", { "x-forwarded-user": "ada", "x-proxy-auth-secret": `${SECRET}x` }))).toBeNull();
    expect(proxyIdentity(from("10.0.0.1", { "x-forwarded-user": "ada", "x-proxy-auth-secret": "short" }))).toBeNull();
    expect(proxyIdentity(from("10.0.0.1", { "x-forwarded-user": "ada", "x-proxy-auth-secret": SECRET }))?.externalId).toBe("proxy|ada");
  });

  it("reads the configured header names, and nothing outside proxy mode or without a user", () => {
    configure({ PROXY_AUTH_USER_HEADER: "Remote-User", PROXY_AUTH_SECRET_HEADER: "X-Auth-Key", PROXY_AUTH_SECRET: SECRET });
    expect(proxyIdentity(from("10.0.0.1", { "remote-user": "bob", "x-auth-key": SECRET }))?.externalId).toBe("proxy|bob");
    expect(proxyIdentity(from("10.0.0.1", { "x-forwarded-user": "bob", "x-auth-key": SECRET }))).toBeNull();
    expect(proxyIdentity(from("10.0.0.1", { "remote-user": "  ", "x-auth-key": SECRET }))).toBeNull();
    configure({ AUTH_MODE: "local" });
    expect(proxyIdentity(from("10.0.0.1", { "x-forwarded-user": "bob" }))).toBeNull();
  });

  it("a user in no mapped group gets the default role, or none (refused later) with OIDC_DEFAULT_ROLE=none", () => {
    configure();
    expect(proxyIdentity(from("10.0.0.1", { "x-forwarded-user": "eve@example.test" }))).toMatchObject({ role: "viewer", email: "eve@example.test" });
    configure({ OIDC_DEFAULT_ROLE: "none" });
    expect(proxyIdentity(from("10.0.0.1", { "x-forwarded-user": "eve" }))).toMatchObject({ role: null, email: null });
  });
});
