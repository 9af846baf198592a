import "server-only";
import { getDb } from "@/lib/db/client";
import { verifyPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/roles";
import { roleSchema } from "@/lib/auth/roles";
import { loginSchema } from "@/lib/schemas/user";

// Compared against when the email is unknown, so a miss costs as long as a hit.
const DUMMY_HASH = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5pZ1zJkM0Zb2ZlN9dYtZ0yV9n1wYJ3u";

/** Returns the actor for a valid, enabled account, else null. */
export async function verifyCredentials(input: unknown): Promise<Actor | null> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = await getDb().user.findUnique({
    where: { email: parsed.data.email },
    omit: { passwordHash: false },
  });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabled) return null;
  return { kind: "user", id: user.id, name: user.name ?? user.email, role: roleSchema.parse(user.role) };
}
