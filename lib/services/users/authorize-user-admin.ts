import type { Actor } from "@/lib/auth/roles";
import { authorize } from "@/lib/services/authorize";

/** User management: admins, or `null`, the trusted admin CLI on the server itself. */
export function authorizeUserAdmin(actor: Actor | null): void {
  if (actor) authorize(actor, "admin");
}
