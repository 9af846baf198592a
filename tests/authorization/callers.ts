import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/auth/roles";
import { userWithToken, type OwnedToken } from "@/tests/api/owned-token";
import { signInAs } from "@/tests/auth/session";

// The callers of the API authorization matrix, each a user with a token of
// their own: anonymous (no credentials), one per role, a read-only token
// with the admin role, and an admin token whose expiry has passed (set in
// the database: a past expiry is refused when a token is made). A viewer
// signed in through a browser session (cookie, from this site's own pages)
// takes the cookie path of authentication too.

export const CALLERS = ["anonymous", "viewer", "editor", "admin", "read-only", "expired", "viewer-session"] as const;
export type CallerName = (typeof CALLERS)[number];

export interface Caller {
  name: CallerName;
  /** Null for anonymous. */
  owned: OwnedToken | null;
  /** What the caller's requests carry: its Bearer token, or its session cookie and same-origin headers. */
  headers: Record<string, string>;
}

const withToken = (name: CallerName, owned: OwnedToken): Caller => ({ name, owned, headers: { authorization: `Bearer ${owned.token}` } });

export async function makeCallers(): Promise<Record<CallerName, Caller>> {
  const expired = await userWithToken("admin", { expires_at: "2999-01-01T00:00:00Z" });
  await getDb().apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
  const browser = await userWithToken("viewer");
  const { cookie } = await signInAs(browser.user.id);
  return {
    anonymous: { name: "anonymous", owned: null, headers: {} },
    viewer: withToken("viewer", await userWithToken("viewer")),
    editor: withToken("editor", await userWithToken("editor")),
    admin: withToken("admin", await userWithToken("admin")),
    "read-only": withToken("read-only", await userWithToken("admin", { read_only: true })),
    expired: withToken("expired", expired),
    "viewer-session": { name: "viewer-session", owned: browser, headers: { cookie, origin: "http://localhost", "content-type": "application/json" } },
  };
}

const rank: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

/**
 * What the spec says a caller gets: public routes answer everyone; no or an
 * expired credential is 401; a read-only token may read as its role but any
 * write is 403; otherwise the role decides (`denied`, default 403, below it).
 */
export function expectedStatus(c: { needs: Role | "public"; ok: number; denied?: number }, method: string, caller: CallerName): number {
  if (c.needs === "public") return c.ok;
  if (caller === "anonymous" || caller === "expired") return 401;
  if (caller === "read-only") return method === "GET" || method === "HEAD" ? expectedStatus(c, method, "admin") : 403;
  if (caller === "viewer-session") return expectedStatus(c, method, "viewer");
  return rank[caller] >= rank[c.needs] ? c.ok : (c.denied ?? 403);
}
