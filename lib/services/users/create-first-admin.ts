import "server-only";
import { getDb } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { setupAdminSchema, type SetupAdminInput } from "@/lib/schemas/user";

/**
 * First-run setup: creates the first admin only while no user exists. The
 * check and the insert share one transaction so two browsers racing through
 * /setup cannot both become admin.
 */
export async function createFirstAdmin(input: SetupAdminInput) {
  const data = setupAdminSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  return getDb().$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) throw new AppError("conflict", "Setup is already complete; sign in instead");
    return tx.user.create({ data: { email: data.email, name: data.name, role: "admin", passwordHash } });
  });
}
