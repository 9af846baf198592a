import { expect, test } from "@playwright/test";
import { startInstance, type Instance } from "./multi-instance-helpers";
import { sessionCount, sqliteDatabaseWithAdmin, userRow } from "./sso-helpers";

// AUTH_MODE=proxy on production servers: the identity headers count only
// from a direct peer in TRUSTED_PROXIES with the shared secret, per request.
// This test is the "proxy" (it connects from 127.0.0.1): one server trusts
// 127.0.0.1, the other trusts only 192.0.2.0/24, so there the same request
// is a spoofed one from an untrusted address.

test.describe.configure({ mode: "serial", timeout: 180_000 });

const SECRET = "proxy-e2e-shared-secret-0123";
const localAdmin = { email: "break-glass@example.test", password: "sso-break-glass-pw" };

function proxyEnv(trusted: string): Record<string, string> {
  return {
    AUTH_MODE: "proxy", TRUSTED_PROXIES: trusted, PROXY_AUTH_SECRET: SECRET,
    PROXY_AUTH_EMAIL_HEADER: "X-Forwarded-Email", PROXY_AUTH_GROUPS_HEADER: "X-Forwarded-Groups",
    OIDC_ROLE_MAP: "ipam-admins=admin,ipam-editors=editor",
  };
}

/** A page request as the proxy forwards it; `redirect: manual` so an anonymous visitor shows as a 307 to /login. */
async function visit(app: Instance, path: string, headers: Record<string, string>): Promise<{ status: number; location: string | null }> {
  const res = await fetch(`${app.base}${path}`, { headers, redirect: "manual" });
  await res.arrayBuffer();
  return { status: res.status, location: res.headers.get("location") };
}

const asProxy = (user: string, groups: string, extra: Record<string, string> = {}) => ({
  "x-forwarded-user": user, "x-forwarded-email": `${user}@example.test`, "x-forwarded-groups": groups, "x-proxy-auth-secret": SECRET, ...extra,
});

test.describe("trusted proxy header", () => {
  let trusting: Instance;
  let untrusting: Instance;
  let trustingDb: string;
  let untrustingDb: string;

  test.beforeAll(async () => {
    [trustingDb, untrustingDb] = await Promise.all([
      sqliteDatabaseWithAdmin(localAdmin.email, localAdmin.password),
      sqliteDatabaseWithAdmin(localAdmin.email, localAdmin.password),
    ]);
    [trusting, untrusting] = await Promise.all([
      startInstance(trustingDb, proxyEnv("127.0.0.1/32")),
      startInstance(untrustingDb, proxyEnv("192.0.2.0/24")),
    ]);
  });

  test.afterAll(async () => {
    await Promise.all([trusting?.stop(), untrusting?.stop()]);
  });

  test("from a trusted proxy with the secret: the user is signed in, created with the role of their groups", async () => {
    expect(await visit(trusting, "/", asProxy("carol", "staff, ipam-editors"))).toMatchObject({ status: 200 });
    expect(userRow(trustingDb, { externalId: "proxy|carol" })).toMatchObject({ email: "carol@example.test", role: "editor", auth_source: "proxy", password_hash: null });
    // API calls from the browser (it carries the proxy's cookie) are the same user.
    const api = await fetch(`${trusting.base}/api/v1/networks`, { headers: { ...asProxy("carol", "ipam-editors"), cookie: "_oauth2_proxy=opaque" } });
    expect(api.status).toBe(200);
  });

  test("the role follows the groups header on every request, and no session outlives the header", async () => {
    expect(await visit(trusting, "/", asProxy("dave", "ipam-admins"))).toMatchObject({ status: 200 });
    expect(userRow(trustingDb, { externalId: "proxy|dave" })?.role).toBe("admin");
    expect(await visit(trusting, "/", asProxy("dave", "staff"))).toMatchObject({ status: 200 });
    expect(userRow(trustingDb, { externalId: "proxy|dave" })?.role).toBe("viewer");
    // The header gone (the proxy signed the user out): anonymous at once.
    const gone = await visit(trusting, "/", {});
    expect(gone.status).toBe(307);
    expect(gone.location).toContain("/login");
    expect(sessionCount(trustingDb, userRow(trustingDb, { externalId: "proxy|dave" })!.id)).toBe(0);
  });

  test("a wrong or missing secret is ignored: anonymous, nobody created", async () => {
    for (const headers of [asProxy("erin", "ipam-admins", { "x-proxy-auth-secret": `${SECRET}-wrong` }), asProxy("erin", "ipam-admins", { "x-proxy-auth-secret": "" })]) {
      const res = await visit(trusting, "/", headers);
      expect(res.status).toBe(307);
      expect(res.location).toContain("/login");
    }
    expect(userRow(trustingDb, { externalId: "proxy|erin" })).toBeUndefined();
  });

  test("the same headers from an address that is not a trusted proxy are ignored, X-Forwarded-For or not", async () => {
    for (const extra of [{}, { "x-forwarded-for": "192.0.2.10" }] as Record<string, string>[]) {
      const res = await visit(untrusting, "/", asProxy("mallory", "ipam-admins", extra));
      expect(res.status).toBe(307);
      expect(res.location).toContain("/login");
    }
    const api = await fetch(`${untrusting.base}/api/v1/networks`, { headers: { ...asProxy("mallory", "ipam-admins"), cookie: "_oauth2_proxy=opaque" } });
    expect(api.status).toBe(401);
    expect(userRow(untrustingDb, { externalId: "proxy|mallory" })).toBeUndefined();
  });
});
