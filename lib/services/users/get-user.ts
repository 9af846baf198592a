import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { UserOut } from "@/lib/schemas/user";
import { authorizeUserAdmin } from "@/lib/services/users/authorize-user-admin";
import { serializeUser } from "@/lib/services/users/serialize-user";

/** GET /users/{id} (admin). */
export async function getUser(actor: Actor | null, id: number): Promise<UserOut> {
  authorizeUserAdmin(actor);
  const user = await getDb().user.findUnique({ where: { id } });
  if (!user) throw new AppError("not_found", `User ${id} not found`);
  return serializeUser(user);
}
