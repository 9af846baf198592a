import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { oidcProvider, oidcSignIn } from "@/lib/auth/oidc";
import { getAuthSecret } from "@/lib/auth/secret";
import { continueSession, endSessionOfToken, startSession } from "@/lib/auth/session-callbacks";
import { localLoginAllowed, localLoginOffered } from "@/lib/auth/sign-in-policy";
import { loadEnv } from "@/lib/env";
import { verifyCredentials } from "@/lib/services/users/verify-credentials";

// Database-backed sessions in next-auth's JWT strategy: the cookie carries
// only { sid, uid } (lib/auth/session-claims.ts), and the sessions row that
// sid names decides on every request (getSessionActor). Sign-in through any
// provider creates the row; sign-out deletes it.
export function authOptions(): NextAuthOptions {
  return {
    secret: getAuthSecret(),
    // The cookie's own lifetime; the row's absolute end and idle timeout are what count.
    session: { strategy: "jwt", maxAge: loadEnv().SESSION_MAX_AGE_HOURS * 3600 },
    // next-auth's sign-in errors (an OIDC refusal, a bad state) land on our login page, which explains them.
    pages: { signIn: "/login", error: "/login" },
    providers: [
      // Under single sign-on the password form stays for admins (break-glass) unless LOCAL_LOGIN=false.
      ...(localLoginOffered() ? [CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials) {
          const actor = await verifyCredentials({ email: credentials?.email, password: credentials?.password });
          // id is our users.id: every provider hands startSession the local user id.
          return actor && localLoginAllowed(actor.role) ? { id: String(actor.id), name: actor.name } : null;
        },
      })] : []),
      ...(loadEnv().AUTH_MODE === "oidc" ? [oidcProvider()] : []),
    ],
    callbacks: {
      // OIDC: find or create the user, role from their groups now; user.id becomes our users.id.
      async signIn({ user, account, profile }) {
        return account?.provider === "oidc" ? oidcSignIn(user, profile) : true;
      },
      async jwt({ token, user, account }) {
        return user ? startSession(user, account) : continueSession(token);
      },
      // Nothing about the user goes to the browser's session endpoint: pages read the actor server-side.
      async session({ session }) {
        return { expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        await endSessionOfToken(token);
      },
    },
  };
}
