import "server-only";
import type { Tx } from "@/lib/db/client";
import { lockAdminChanges } from "@/lib/db/raw/admin-lock";
import type { User } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

/** What the write does to the user: its new role or disabled flag, or its deletion. */
export type UserChange = { role?: Role; disabled?: boolean } | "delete";

function isActiveAdmin(user: { role: string; disabled: boolean }): boolean {
  return user.role === "admin" && !user.disabled;
}

/**
 * THE last-admin rule, for every write that can take an active admin away
 * (demote, disable, delete; API, UI and CLI alike): takes the admin lock
 * (lib/db/raw/admin-lock.ts), re-reads the user, and throws 409 last_admin
 * when no other active admin would remain. The race it closes: two admins
 * demoting each other at once each counting the other. Call inside the
 * write transaction, before the write. Returns the user as stored (404 if gone).
 */
export async function lockUserForChange(tx: Tx, id: number, change: UserChange): Promise<Omit<User, "passwordHash">> {
  await lockAdminChanges(tx);
  const user = await tx.user.findUnique({ where: { id } });
  if (!user) throw new AppError("not_found", `User ${id} not found`);
  const after = change === "delete" ? null : { role: change.role ?? user.role, disabled: change.disabled ?? user.disabled };
  if (isActiveAdmin(user) && (!after || !isActiveAdmin(after))) {
    const others = await tx.user.count({ where: { role: "admin", disabled: false, id: { not: id } } });
    if (others === 0) {
      const verb = change === "delete" ? "deleted" : after?.disabled ? "disabled" : "demoted";
      throw new AppError("last_admin", `${user.email} is the last active admin and cannot be ${verb}; make another user admin first`);
    }
  }
  return user;
}
