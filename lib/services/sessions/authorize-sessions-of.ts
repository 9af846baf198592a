import type { Actor } from "@/lib/auth/roles";
import { authorize } from "@/lib/services/authorize";

/** Users see and end their own sessions, whatever their role; anyone else's takes an admin. */
export function authorizeSessionsOf(actor: Actor, userId: number): void {
  // A token actor's id is the token's, not a user's: it never counts as "own".
  if (actor.kind === "user" && actor.id === userId) return;
  authorize(actor, "admin");
}
