import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authOptions } from "@/lib/auth/options";
import { hasRole, roleSchema, type Actor, type Role } from "@/lib/auth/roles";
import { countUsers } from "@/lib/services/users/count-users";

/**
 * The signed-in user, re-read from the database so a disabled account or a
 * changed role takes effect at once rather than when the JWT expires.
 */
export async function getSessionActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions());
  const email = session?.user?.email;
  if (!email) return null;
  const user = await getDb().user.findUnique({ where: { email } });
  if (!user || user.disabled) return null;
  return { kind: "user", id: user.id, name: user.name ?? user.email, role: roleSchema.parse(user.role) };
}

/** For pages: sends a new install to /setup and an anonymous visitor to /login. */
export async function requirePageActor(): Promise<Actor> {
  const actor = await getSessionActor();
  if (actor) return actor;
  if ((await countUsers()) === 0) redirect("/setup");
  redirect("/login");
}

/** For server actions: each action calls this itself; a page check is never relied on. */
export async function requireActionActor(role: Role = "viewer"): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) throw new AppError("unauthorized", "Your session has ended; sign in again");
  if (!hasRole(actor.role, role)) throw new AppError("forbidden", `This needs the ${role} role`);
  return actor;
}
