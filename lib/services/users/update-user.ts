import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/client";
import { updateUserSchema, type UpdateUserInput, type UserOut } from "@/lib/schemas/user";
import { inWriteTransaction } from "@/lib/services/write-options";
import { authorizeUserAdmin } from "@/lib/services/users/authorize-user-admin";
import { endSessionsOf } from "@/lib/services/users/end-sessions-of";
import { lockUserForChange } from "@/lib/services/users/lock-user-for-change";
import { serializeUser } from "@/lib/services/users/serialize-user";

/**
 * PATCH a user (admin): name, role, disabled; only the fields given change.
 * Never leaves the instance without an active admin (409 last_admin). A new
 * role or disabling ends the user's sessions.
 */
export async function updateUser(actor: Actor | null, id: number, input: UpdateUserInput, options: { tx?: Tx } = {}): Promise<UserOut> {
  authorizeUserAdmin(actor);
  const data = updateUserSchema.parse(input);
  const after = await inWriteTransaction(actor, options.tx, async (tx) => {
    const before = await lockUserForChange(tx, id, { role: data.role, disabled: data.disabled });
    const after = await tx.user.update({
      where: { id },
      data: {
        ...(data.name !== undefined ? { name: data.name } : {}),
        ...(data.role !== undefined ? { role: data.role } : {}),
        ...(data.disabled !== undefined ? { disabled: data.disabled } : {}),
      },
    });
    if (after.role !== before.role || (after.disabled && !before.disabled)) await endSessionsOf(tx, id);
    return after;
  });
  return serializeUser(after);
}
