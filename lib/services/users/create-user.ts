import "server-only";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { createUserSchema, type CreateUserInput, type UserWithPasswordOut } from "@/lib/schemas/user";
import { inWriteTransaction } from "@/lib/services/write-options";
import { authorizeUserAdmin } from "@/lib/services/users/authorize-user-admin";
import { generatePassword } from "@/lib/services/users/generate-password";
import { serializeUser } from "@/lib/services/users/serialize-user";

/**
 * Creates a local user with a role. Without a password one is generated and
 * returned in `password`, this once. `actor` null is the trusted admin CLI
 * (and IPAM_ADMIN_EMAIL at start); otherwise admins only.
 */
export async function createUser(actor: Actor | null, input: CreateUserInput): Promise<UserWithPasswordOut> {
  authorizeUserAdmin(actor);
  const data = createUserSchema.parse(input);
  const password = data.password ?? generatePassword();
  const generated = data.password ? undefined : password;
  // Hashed before the write transaction: bcrypt's quarter second must not hold the write lock.
  const passwordHash = await hashPassword(password);
  const user = await inWriteTransaction(actor, undefined, async (tx) => {
    // The unique index on email is the last guard (P2002 → 409) if two creates race.
    if (await tx.user.findUnique({ where: { email: data.email } })) {
      throw new AppError("conflict", `A user with email ${data.email} already exists`, { email: ["A user with this email already exists"] });
    }
    return tx.user.create({ data: { email: data.email, name: data.name ?? null, role: data.role, passwordHash, authSource: "local" } });
  });
  return { ...serializeUser(user), ...(generated ? { password: generated } : {}) };
}
