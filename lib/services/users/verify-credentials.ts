import "server-only";
import { getDb } from "@/lib/db/client";
import { hashOfNoAccount, verifyPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/roles";
import { roleSchema } from "@/lib/auth/roles";
import { loginSchema } from "@/lib/schemas/user";

/** Returns the actor for a valid, enabled account, else null. */
export async function verifyCredentials(input: unknown): Promise<Actor | null> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = await getDb().user.findUnique({
    where: { email: parsed.data.email },
    omit: { passwordHash: false },
  });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await hashOfNoAccount()));
  if (!user || !ok || user.disabled) return null;
  return { kind: "user", id: user.id, name: user.name ?? user.email, role: roleSchema.parse(user.role) };
}
