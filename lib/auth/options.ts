import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getAuthSecret } from "@/lib/auth/secret";
import { verifyCredentials } from "@/lib/services/users/verify-credentials";

// JWT sessions: nothing to store server-side, and role changes are re-read
// from the database on every request by getActor() anyway.
export function authOptions(): NextAuthOptions {
  return {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials) {
          const actor = await verifyCredentials({ email: credentials?.email, password: credentials?.password });
          return actor ? { id: String(actor.id), name: actor.name, email: credentials?.email } : null;
        },
      }),
    ],
  };
}
