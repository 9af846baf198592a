import "server-only";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/roles";
import { resetPasswordSchema, type ResetPasswordInput, type UserWithPasswordOut } from "@/lib/schemas/user";
import { inWriteTransaction } from "@/lib/services/write-options";
import { authorizeUserAdmin } from "@/lib/services/users/authorize-user-admin";
import { endSessionsOf } from "@/lib/services/users/end-sessions-of";
import { generatePassword } from "@/lib/services/users/generate-password";
import { lockUserForChange } from "@/lib/services/users/lock-user-for-change";
import { clearRateLimit } from "@/lib/services/rate-limits/clear-rate-limit";
import { signInAccountKey } from "@/lib/services/rate-limits/sign-in-attempts";
import { serializeUser } from "@/lib/services/users/serialize-user";

/**
 * An admin sets a user's password, or (none given) has one generated and
 * returned in `password`, this once. The user's sessions end.
 */
export async function resetUserPassword(actor: Actor | null, id: number, input: ResetPasswordInput): Promise<UserWithPasswordOut> {
  authorizeUserAdmin(actor);
  const data = resetPasswordSchema.parse(input);
  const password = data.password ?? generatePassword();
  const generated = data.password ? undefined : password;
  const passwordHash = await hashPassword(password);
  const user = await inWriteTransaction(actor, undefined, async (tx) => {
    await lockUserForChange(tx, id, {});
    await endSessionsOf(tx, id);
    return tx.user.update({ where: { id }, data: { passwordHash } });
  });
  // A reset is how an admin lets a locked-out user back in.
  await clearRateLimit(signInAccountKey(user.email));
  return { ...serializeUser(user), ...(generated ? { password: generated } : {}) };
}
