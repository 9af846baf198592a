import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { AppError, validationError } from "@/lib/errors";
import { changeOwnPasswordSchema, type ChangeOwnPasswordInput } from "@/lib/schemas/user";
import { inWriteTransaction } from "@/lib/services/write-options";
import { endSessionsOf } from "@/lib/services/users/end-sessions-of";
import { tooManyAttemptsMessage } from "@/lib/auth/too-many-sign-in-attempts";
import { reserveAccountAttempt } from "@/lib/services/rate-limits/sign-in-attempts";

/**
 * /account: a signed-in user changes their own password (any role). The
 * current password is required, so a browser left signed in cannot be used
 * to lock its owner out. Every other session of the user ends; the one
 * making the change (`actor.sessionId`) stays.
 */
export async function changeOwnPassword(actor: Actor, input: ChangeOwnPasswordInput): Promise<void> {
  if (actor.kind !== "user") throw new AppError("forbidden", "Only a signed-in user can change their password");
  const data = changeOwnPasswordSchema.parse(input);
  const user = await getDb().user.findUnique({ where: { id: actor.id }, select: { email: true, passwordHash: true } });
  if (!user) throw new AppError("not_found", "Your account no longer exists");
  if (!user.passwordHash) throw new AppError("conflict", "Your account signs in through single sign-on and has no password here");
  // The same per-account budget as the sign-in form, reserved before bcrypt.
  const attempt = await reserveAccountAttempt(user.email);
  if (!attempt.allowed) {
    const retry = attempt.retryAfterSeconds;
    throw new AppError("rate_limited", `${tooManyAttemptsMessage(retry)}.`, { retry_after_seconds: retry });
  }
  if (!(await verifyPassword(data.current_password, user.passwordHash))) {
    throw validationError({ current_password: ["The current password is not correct"] });
  }
  await attempt.succeeded();
  const passwordHash = await hashPassword(data.new_password);
  await inWriteTransaction(actor, undefined, async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash }, select: { id: true } });
    await endSessionsOf(tx, actor.id, actor.sessionId);
  });
}
