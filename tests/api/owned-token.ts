import { getDb } from "@/lib/db/client";
import type { Actor, Role } from "@/lib/auth/roles";
import type { CreateApiTokenInput } from "@/lib/schemas/api-token";
import { createApiToken } from "@/lib/services/tokens/create-api-token";

// A user with `role` and a token of theirs, made as that user would make it
// on /account/tokens: calls through the token act for that user.

let counter = 0;

export interface OwnedToken {
  user: { id: number; email: string };
  actor: Actor;
  token: string;
  id: number;
}

export async function userWithToken(role: Role, input: Partial<CreateApiTokenInput> = {}): Promise<OwnedToken> {
  const email = `token-owner-${process.pid}-${++counter}@example.test`;
  const user = await getDb().user.create({ data: { email, passwordHash: "x", role } });
  const actor: Actor = { kind: "user", id: user.id, name: email, role };
  const { token, record } = await createApiToken(actor, { name: `own-${counter}`, role, ...input });
  return { user: { id: user.id, email }, actor, token, id: record.id };
}
