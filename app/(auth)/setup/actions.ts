"use server";
import { headers } from "next/headers";
import { clientAddress } from "@/lib/http/client-address";
import { createFirstAdmin } from "@/lib/services/users/create-first-admin";
import { limitSetupAttempt } from "@/lib/services/rate-limits/setup-attempts";
import { runAction, type ActionResult } from "@/lib/action-result";

// POST from /setup. Needs no session by design: the service itself refuses
// once any user exists (before hashing), so this cannot be replayed to
// create a second admin, and each address gets a few tries only.
export async function setupAdminAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  return runAction(async () => {
    await limitSetupAttempt(clientAddress(await headers()));
    const user = await createFirstAdmin(input as never);
    return { email: user.email };
  });
}
