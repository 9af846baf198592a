import "server-only";
import type { Profile, User } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { TokenSet } from "openid-client";
import { roleForGroups } from "@/lib/auth/role-map";
import { loadEnv, type Env } from "@/lib/env";
import { externalEmail, externalName, provisionExternalUser } from "@/lib/services/users/provision-external-user";

// AUTH_MODE=oidc: next-auth's generic OAuth provider against any OpenID
// Connect issuer (Keycloak, Authentik, Entra ID, Dex, …), found by discovery,
// with PKCE and state. The user is created on first sign-in and gets the
// role of their groups at every sign-in (lib/services/users/provision-external-user.ts).

type Claims = Record<string, unknown> & { iss?: string; sub?: string };

/** The issuer as configured and as an ID token names it: without a trailing slash. */
export function oidcIssuer(env: Env = loadEnv()): string {
  return env.OIDC_ISSUER!.replace(/\/+$/, "");
}

export function oidcProvider(env: Env = loadEnv()): OAuthConfig<Claims> {
  const issuer = oidcIssuer(env);
  return {
    id: "oidc",
    name: env.OIDC_NAME,
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: env.OIDC_SCOPES } },
    checks: ["pkce", "state"],
    idToken: true,
    userinfo: {
      // openid-client checks the ID token against the issuer the discovery
      // document names, and that document comes from wherever OIDC_ISSUER
      // points: a server there that calls itself another issuer is refused.
      // Groups may be in the ID token (Entra ID, Dex) or only at the userinfo
      // endpoint (Keycloak's default mappers): both are read.
      async request({ tokens: params, client }) {
        // next-auth types the token set by its fields; at run time it is openid-client's TokenSet.
        const tokens = params as unknown as TokenSet;
        const claims = tokens.claims() as Claims;
        if (String(claims.iss).replace(/\/+$/, "") !== issuer) {
          throw new Error(`ID token issuer ${String(claims.iss)} is not OIDC_ISSUER ${issuer}`);
        }
        const info = client.issuer.metadata.userinfo_endpoint && tokens.access_token ? ((await client.userinfo(tokens)) as Claims) : {};
        const groupsClaim = env.OIDC_GROUPS_CLAIM;
        return { ...info, ...claims, [groupsClaim]: claims[groupsClaim] ?? info[groupsClaim] };
      },
    },
    profile(claims) {
      return { id: String(claims.sub), email: externalEmail(claims.email), name: externalName(claims.name) };
    },
  };
}

/** An IdP's groups claim: a list of names, or one name; anything else is no groups. */
export function groupsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((group): group is string => typeof group === "string") : [];
}

/**
 * next-auth's signIn callback for the OIDC provider: finds or creates the
 * user and sets `user.id` to our users.id, which the session is created for
 * (lib/auth/session-callbacks.ts). A refusal returns to the login page with
 * a code it explains (lib/auth/sign-in-errors.ts).
 */
export async function oidcSignIn(user: User, profile: Profile | undefined): Promise<true | string> {
  const env = loadEnv();
  const claims = (profile ?? {}) as Claims;
  if (typeof claims.sub !== "string" || claims.sub === "") return "/login?error=OAuthCallback";
  const result = await provisionExternalUser({
    source: "oidc",
    externalId: `${oidcIssuer(env)}|${claims.sub}`,
    email: externalEmail(claims.email),
    name: externalName(claims.name ?? claims.preferred_username),
    role: roleForGroups(groupsOf(claims[env.OIDC_GROUPS_CLAIM]), env.OIDC_ROLE_MAP, env.OIDC_DEFAULT_ROLE),
  });
  if (!result.ok) return `/login?error=${encodeURIComponent(`sso_${result.reason}`)}`;
  user.id = String(result.actor.id);
  return true;
}
