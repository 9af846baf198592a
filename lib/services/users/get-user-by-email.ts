import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { emailSchema, type UserOut } from "@/lib/schemas/user";
import { authorizeUserAdmin } from "@/lib/services/users/authorize-user-admin";
import { serializeUser } from "@/lib/services/users/serialize-user";

/** The admin CLI names users by email (`user disable --email …`). */
export async function getUserByEmail(actor: Actor | null, email: string): Promise<UserOut> {
  authorizeUserAdmin(actor);
  const address = emailSchema.parse(email);
  const user = await getDb().user.findUnique({ where: { email: address } });
  if (!user) throw new AppError("not_found", `No user with email ${address}`);
  return serializeUser(user);
}
