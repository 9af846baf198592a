import { afterEach, describe, expect, it, vi } from "vitest";
import type { User } from "next-auth";
import { useTestDatabase } from "@/tests/db";
import { call } from "@/tests/api/client";
import { inRequest } from "@/tests/auth/request-scope";
import { signInAs, signInWithPassword } from "@/tests/auth/session";
import { hashPassword } from "@/lib/auth/password";
import { oidcSignIn } from "@/lib/auth/oidc";
import { getSessionActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { overrideEnv } from "@/lib/env";
import { PEER_HEADER, peerHeaderValue } from "@/lib/http/peer-header";

// Issue 11 B.3 through the app's real session code: which sign-ins and
// sessions count under AUTH_MODE/LOCAL_LOGIN, the OIDC sign-in callback, and
// proxy identities on pages and cookie API calls. (The IdP round trip and
// real proxies: e2e/sso-oidc.spec.ts, e2e/sso-proxy.spec.ts.)

vi.mock("next/headers", () => import("@/tests/auth/request-scope"));
const networks = await import("@/app/api/v1/networks/route");

useTestDatabase();

const PASSWORD = "sso-modes-password-77";
const KEY = "s".repeat(43);
const saved = { ...process.env };
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  overrideEnv(saved as Record<string, string>);
});

function mode(values: Record<string, string>): void {
  for (const key of Object.keys(process.env)) if (/^(AUTH_MODE|LOCAL_LOGIN|OIDC_|PROXY_AUTH_|TRUSTED_PROXIES)/.test(key)) delete process.env[key];
  overrideEnv({ IPAM_PEER_KEY: KEY, ...values });
}
const OIDC = { AUTH_MODE: "oidc", OIDC_ISSUER: "http://127.0.0.1:9/idp", OIDC_CLIENT_ID: "ipam", OIDC_CLIENT_SECRET: "secret", OIDC_ROLE_MAP: "ipam-admins=admin,ipam-editors=editor" };

let n = 0;
async function makeUser(role: string) {
  return getDb().user.create({ data: { email: `sso-mode-${++n}-${Date.now()}@example.test`, passwordHash: await hashPassword(PASSWORD), role } });
}

const actorWith = (cookie: string) => inRequest({ cookie }, () => getSessionActor());

describe("password sign-in under single sign-on", () => {
  it("in oidc mode, only admins may sign in with a password (break-glass)", async () => {
    mode(OIDC);
    const [viewer, adminUser] = [await makeUser("viewer"), await makeUser("admin")];
    expect(await signInWithPassword(viewer.email, PASSWORD)).toBeNull();
    expect(await signInWithPassword(adminUser.email, PASSWORD)).not.toBeNull();
  });

  it("with LOCAL_LOGIN=false, nobody may", async () => {
    mode({ ...OIDC, LOCAL_LOGIN: "false" });
    const adminUser = await makeUser("admin");
    expect(await signInWithPassword(adminUser.email, PASSWORD)).toBeNull();
  });

  it("a session a mode no longer allows ends with the mode change", async () => {
    mode({});
    const [viewer, adminUser] = [await makeUser("viewer"), await makeUser("admin")];
    const viewerSession = await signInAs(viewer.id);
    const adminSession = await signInAs(adminUser.id);
    const oidcSession = await signInAs(viewer.id, "oidc");
    expect(await actorWith(viewerSession.cookie)).toMatchObject({ id: viewer.id });
    expect(await actorWith(oidcSession.cookie)).toBeNull(); // an OIDC session in local mode

    mode(OIDC);
    expect(await actorWith(viewerSession.cookie)).toBeNull();
    expect(await actorWith(adminSession.cookie)).toMatchObject({ id: adminUser.id });
    expect(await actorWith(oidcSession.cookie)).toMatchObject({ id: viewer.id });

    mode({ ...OIDC, LOCAL_LOGIN: "false" });
    expect(await actorWith(adminSession.cookie)).toBeNull();
    // The cookie API path asks the same rule.
    expect((await call(networks.GET, "GET", "/networks", { headers: { cookie: adminSession.cookie } })).status).toBe(401);
  });
});

describe("the OIDC sign-in callback", () => {
  it("creates the user from the claims and hands next-auth our users.id", async () => {
    mode(OIDC);
    const user: User = { id: "idp-subject" };
    const sub = `sub-${Date.now()}`;
    const result = await oidcSignIn(user, { sub, email: "Oidc.User@Example.test", name: "Oidc User", groups: ["ipam-editors"] } as never);
    expect(result).toBe(true);
    const row = await getDb().user.findUniqueOrThrow({ where: { externalId: `http://127.0.0.1:9/idp|${sub}` } });
    expect(row).toMatchObject({ email: "oidc.user@example.test", role: "editor", authSource: "oidc" });
    expect(user.id).toBe(String(row.id));
  });

  it("a user in no mapped group with OIDC_DEFAULT_ROLE=none goes back to the login page with the reason", async () => {
    mode({ ...OIDC, OIDC_DEFAULT_ROLE: "none" });
    expect(await oidcSignIn({ id: "x" }, { sub: `nobody-${Date.now()}`, groups: ["staff"] } as never)).toBe("/login?error=sso_no_role");
    expect(await oidcSignIn({ id: "x" }, {} as never)).toBe("/login?error=OAuthCallback");
  });

  it("reads the configured groups claim, a single string included", async () => {
    mode({ ...OIDC, OIDC_GROUPS_CLAIM: "roles" });
    const user: User = { id: "x" };
    const sub = `roles-${Date.now()}`;
    expect(await oidcSignIn(user, { sub, roles: "ipam-admins", groups: ["ipam-editors"] } as never)).toBe(true);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: Number(user.id) } })).role).toBe("admin");
  });
});

describe("proxy identity on pages and cookie API calls", () => {
  const PROXY = { AUTH_MODE: "proxy", TRUSTED_PROXIES: "10.0.0.0/8", PROXY_AUTH_GROUPS_HEADER: "X-Forwarded-Groups", OIDC_ROLE_MAP: "ipam-editors=editor" };
  const from = (peer: string, headers: Record<string, string>) => ({ ...headers, [PEER_HEADER]: peerHeaderValue(KEY, peer) });

  it("a trusted proxy's header signs the user in for this request only", async () => {
    mode(PROXY);
    const user = `proxy-user-${Date.now()}`;
    const actor = await inRequest({ headers: from("10.0.0.1", { "x-forwarded-user": user, "x-forwarded-groups": "ipam-editors" }) }, () => getSessionActor());
    expect(actor).toMatchObject({ kind: "user", role: "editor" });
    expect(await inRequest({ headers: from("10.0.0.1", {}) }, () => getSessionActor())).toBeNull();
    const api = await call(networks.GET, "GET", "/networks", { headers: { cookie: "proxy-cookie=1", ...from("10.0.0.1", { "x-forwarded-user": user }) } });
    expect(api.status).toBe(200);
  });

  it("the same header from an untrusted peer is ignored, on pages and the API", async () => {
    mode(PROXY);
    const headers = from("203.0.113.9", { "x-forwarded-user": "mallory", "x-forwarded-groups": "ipam-editors" });
    expect(await inRequest({ headers }, () => getSessionActor())).toBeNull();
    expect((await call(networks.GET, "GET", "/networks", { headers: { cookie: "proxy-cookie=1", ...headers } })).status).toBe(401);
    expect(await getDb().user.count({ where: { externalId: "proxy|mallory" } })).toBe(0);
  });
});
