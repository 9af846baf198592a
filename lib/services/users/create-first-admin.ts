import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { setupAdminSchema, type SetupAdminInput } from "@/lib/schemas/user";
import { countUsers } from "@/lib/services/users/count-users";
import { inWriteTransaction } from "@/lib/services/write-options";

const setupDone = () => new AppError("conflict", "Setup is already complete; sign in instead");

/**
 * First-run setup: creates the first admin only while no user exists.
 * Anyone may call it (it needs no session), so once set up it is refused
 * before anything else, bcrypt included: a replay costs one count, not a
 * quarter second of CPU. The check is repeated inside the write transaction
 * so two browsers racing through /setup cannot both become admin.
 */
export async function createFirstAdmin(input: SetupAdminInput) {
  if ((await countUsers()) > 0) throw setupDone();
  const data = setupAdminSchema.parse(input);
  // Hashed outside the write transaction: bcrypt must not hold the write lock.
  const passwordHash = await hashPassword(data.password);
  return inWriteTransaction({ kind: "system", name: "first-run setup" }, undefined, async (tx) => {
    if ((await countUsers(tx)) > 0) throw setupDone();
    return tx.user.create({ data: { email: data.email, name: data.name ?? null, role: "admin", passwordHash, authSource: "local" } });
  });
}
