import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getSessionActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
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
    // The client's address is only read for a token (its allowed_cidrs); cookies and anonymous calls skip it.
    const actor = match ? await authenticateToken(match[1], clientAddress(req.headers)) : null;
    if (!actor) throw new AppError("unauthorized", "Invalid, expired or revoked API token");
    return actor;
  }
  // Only a request that carries cookies can have a session; skipping next-auth
  // otherwise keeps token-less calls cheap. The cookie is read from the request itself.
  if (req.headers.get("cookie")) {
    const actor = await getSessionActor(req.headers).catch(() => null);
    if (actor) return actor;
  }
  throw new AppError("unauthorized", "Send Authorization: Bearer <token> or sign in");
}
