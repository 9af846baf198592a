import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/client";
import { inWriteTransaction } from "@/lib/services/write-options";
import { authorizeUserAdmin } from "@/lib/services/users/authorize-user-admin";
import { lockUserForChange } from "@/lib/services/users/lock-user-for-change";

/** Deletes a user (admin); their sessions and API tokens go with them (cascade). 409 last_admin for the last active admin. */
export async function deleteUser(actor: Actor | null, id: number, options: { tx?: Tx } = {}): Promise<void> {
  authorizeUserAdmin(actor);
  await inWriteTransaction(actor, options.tx, async (tx) => {
    await lockUserForChange(tx, id, "delete");
    await tx.user.delete({ where: { id } });
  });
}
