"use server";
import { requireActionActor } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/action-result";
import { sessionLabelSchema } from "@/lib/schemas/session";
import { endSession } from "@/lib/services/sessions/end-session";
import { changeOwnPassword } from "@/lib/services/users/change-own-password";

// /account: any signed-in user, for their own account only. Each action
// checks the session itself; the services take the user from the actor,
// never from the input.

/** Keeps this browser's session; every other session of the user ends. */
export async function changeOwnPasswordAction(input: unknown): Promise<ActionResult<undefined>> {
  return runAction(async () => {
    const actor = await requireActionActor("viewer");
    await changeOwnPassword(actor, input as never);
    return undefined;
  });
}

/** "Sign out this session" in the list of the user's own sessions (by its label). */
export async function endOwnSessionAction(label: unknown): Promise<ActionResult<undefined>> {
  return runAction(async () => {
    const actor = await requireActionActor("viewer");
    await endSession(actor, sessionLabelSchema.parse(label), { userId: actor.id });
    return undefined;
  });
}
