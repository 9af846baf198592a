import "server-only";
import { getDb } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { hasRole, type Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { createUserSchema, type CreateUserInput } from "@/lib/schemas/user";

/** Creates a user. `actor` null is the trusted admin CLI; otherwise admins only. */
export async function createUser(actor: Actor | null, input: CreateUserInput) {
  if (actor && !hasRole(actor.role, "admin")) throw new AppError("forbidden", "Only admins can create users");
  const data = createUserSchema.parse(input);
  const existing = await getDb().user.findUnique({ where: { email: data.email } });
  if (existing) throw new AppError("conflict", `A user with email ${data.email} already exists`);
  return getDb().user.create({
    data: { email: data.email, name: data.name, role: data.role, passwordHash: await hashPassword(data.password) },
  });
}
