import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { UserOut } from "@/lib/schemas/user";
import { updateUser } from "@/lib/services/users/update-user";

/** Disable (sign-in refused, sessions and tokens stop) or enable a user: updateUser's rules, last admin included. */
export function setUserDisabled(actor: Actor | null, id: number, disabled: boolean): Promise<UserOut> {
  return updateUser(actor, id, { disabled });
}
