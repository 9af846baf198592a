import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getSessionActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { authenticateToken } from "@/lib/services/tokens/authenticate-token";

/**
 * The caller of an API request: a Bearer API token, else a session cookie.
 * A Bearer header that does not check out is a 401 even when a cookie is
 * also present, so a script never silently runs as whoever is signed in.
 */
export async function authenticateRequest(req: Request): Promise<Actor> {
  const header = req.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const actor = match ? await authenticateToken(match[1]) : null;
    if (!actor) throw new AppError("unauthorized", "Invalid, expired or revoked API token");
    return actor;
  }
  // Only a request that carries cookies can have a session; skipping next-auth
  // otherwise keeps token-less calls cheap (and testable outside Next).
  if (req.headers.get("cookie")) {
    const actor = await getSessionActor().catch(() => null);
    if (actor) return actor;
  }
  throw new AppError("unauthorized", "Send Authorization: Bearer <token> or sign in");
}
