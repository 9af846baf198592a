"use server";
import { z } from "zod";
import { requireActionActor } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/action-result";
import type { CreatedApiTokenOut } from "@/lib/schemas/api-token";
import { createApiToken } from "@/lib/services/tokens/create-api-token";
import { deleteApiToken } from "@/lib/services/tokens/delete-api-token";
import { serializeApiToken } from "@/lib/services/tokens/serialize-api-token";

// /account/tokens and /admin/tokens. Each action checks the session itself;
// the service decides what the caller may make or revoke (a viewer makes a
// viewer token; only an admin revokes someone else's).

const id = z.number().int().positive();

/** The token in clear is in this result only; the page shows it once. */
export async function createTokenAction(input: unknown): Promise<ActionResult<CreatedApiTokenOut>> {
  return runAction(async () => {
    const actor = await requireActionActor("viewer");
    const { token, record } = await createApiToken(actor, input as never);
    return { ...serializeApiToken(record), token };
  });
}

export async function revokeTokenAction(tokenId: number): Promise<ActionResult<undefined>> {
  return runAction(async () => {
    const actor = await requireActionActor("viewer");
    await deleteApiToken(actor, id.parse(tokenId));
    return undefined;
  });
}
