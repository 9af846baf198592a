import "server-only";
import type { Role } from "@/lib/auth/roles";
import { loadEnv } from "@/lib/env";

// Which ways of signing in count under AUTH_MODE and LOCAL_LOGIN. Asked at
// sign-in (credentials' authorize, the login page) and again on every
// request of a stored session, so changing the mode takes effect at once
// for sessions started under the old one.

/** The password form is offered: always in local mode, else as admins' break-glass unless LOCAL_LOGIN=false. */
export function localLoginOffered(): boolean {
  const env = loadEnv();
  return env.AUTH_MODE === "local" || env.LOCAL_LOGIN;
}

/** A user with `role` may use a password: anyone in local mode, only admins under single sign-on. */
export function localLoginAllowed(role: Role): boolean {
  const env = loadEnv();
  if (env.AUTH_MODE === "local") return true;
  return env.LOCAL_LOGIN && role === "admin";
}

/** A stored session may still act: it was started by a way of signing in that is allowed now. */
export function sessionMethodAllowed(method: "local" | "oidc" | "proxy", role: Role): boolean {
  return method === "local" ? localLoginAllowed(role) : method === loadEnv().AUTH_MODE;
}
