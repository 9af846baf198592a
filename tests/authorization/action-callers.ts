import { getDb } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { signInAs } from "@/tests/auth/session";

// The callers of the server-action matrix, each signed in through a real
// session (a sessions row and next-auth's cookie): anonymous, one per role,
// and an admin whose session's absolute end has passed (set in the database).
// They know their password, so /account's password change can be called.

export const ACTION_CALLERS = ["anonymous", "viewer", "editor", "admin", "expired"] as const;
export type ActionCallerName = (typeof ACTION_CALLERS)[number];
export const CALLER_PASSWORD = "matrix caller password 1";

export interface ActionCaller {
  name: ActionCallerName;
  /** Null for anonymous. */
  userId: number | null;
  cookie: string | undefined;
}

export async function makeActionCallers(): Promise<Record<ActionCallerName, ActionCaller>> {
  const passwordHash = await hashPassword(CALLER_PASSWORD);
  const signedIn = async (name: ActionCallerName, role: Role): Promise<ActionCaller> => {
    const user = await getDb().user.create({ data: { email: `action-${name}@example.test`, passwordHash, role } });
    return { name, userId: user.id, cookie: (await signInAs(user.id)).cookie };
  };
  const expired = await signedIn("expired", "admin");
  await getDb().session.updateMany({ where: { userId: expired.userId! }, data: { expiresAt: new Date(Date.now() - 60_000) } });
  return {
    anonymous: { name: "anonymous", userId: null, cookie: undefined },
    viewer: await signedIn("viewer", "viewer"),
    editor: await signedIn("editor", "editor"),
    admin: await signedIn("admin", "admin"),
    expired,
  };
}

const rank: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

/** The refusal a caller gets, or null when the call is allowed. */
export function expectedRefusal(c: { needs: Role | "nobody"; denied?: string; refusal?: string }, caller: ActionCallerName): string | null {
  if (c.needs === "nobody") return c.refusal ?? "forbidden";
  if (caller === "anonymous" || caller === "expired") return "unauthorized";
  return rank[caller] >= rank[c.needs] ? null : (c.denied ?? "forbidden");
}
