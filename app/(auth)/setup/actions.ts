"use server";
import { createFirstAdmin } from "@/lib/services/users/create-first-admin";
import { runAction, type ActionResult } from "@/lib/action-result";

// POST from /setup. Needs no session by design: the service itself refuses
// once any user exists, so this cannot be replayed to create a second admin.
export async function setupAdminAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  return runAction(async () => {
    const user = await createFirstAdmin(input as never);
    return { email: user.email };
  });
}
