import "server-only";
import { decode } from "next-auth/jwt";
import { getAuthSecret } from "@/lib/auth/secret";
import { sessionClaims, type SessionClaims } from "@/lib/auth/session-claims";

// next-auth's cookie names: the __Secure- one when the site is served over
// https. next-auth splits a value over 4 kB into name.0, name.1, … (ours is
// about 300 bytes, but a cookie written that way still reads).
const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** The session cookie's value among the request's cookies, or null. */
export function sessionCookieValue(cookies: ReadonlyMap<string, string>): string | null {
  for (const name of COOKIE_NAMES) {
    const whole = cookies.get(name);
    if (whole) return whole;
    const chunks = [...cookies]
      .filter(([key]) => key.startsWith(`${name}.`) && /^\d+$/.test(key.slice(name.length + 1)))
      .sort(([a], [b]) => Number(a.slice(name.length + 1)) - Number(b.slice(name.length + 1)));
    if (chunks.length) return chunks.map(([, value]) => value).join("");
  }
  return null;
}

/** A Cookie header as a map (first occurrence of a name wins, as browsers send the most specific first). */
export function parseCookieHeader(header: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

/** Decrypts the cookie's JWT (signature and `exp` checked by next-auth) and returns its claims, or null. */
export async function decodeSessionCookie(value: string | null): Promise<SessionClaims | null> {
  if (!value) return null;
  try {
    return sessionClaims(await decode({ token: value, secret: getAuthSecret() }));
  } catch {
    return null;
  }
}
