import "server-only";
import { getDb } from "@/lib/db/client";
import { generateToken, hashToken } from "@/lib/auth/token-hash";
import { hasRole, type Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { createApiTokenSchema, type CreateApiTokenInput } from "@/lib/schemas/api-token";

/**
 * Creates an API token and returns it in clear exactly once; only its hash is
 * stored. `actor` null is the trusted admin CLI; otherwise admins only.
 */
export async function createApiToken(actor: Actor | null, input: CreateApiTokenInput) {
  if (actor && !hasRole(actor.role, "admin")) throw new AppError("forbidden", "Only admins can create API tokens");
  const data = createApiTokenSchema.parse(input);
  const token = generateToken();
  const record = await getDb().apiToken.create({
    data: {
      name: data.name,
      role: data.role,
      expiresAt: data.expires_at ?? null,
      tokenHash: hashToken(token),
      tokenHint: token.slice(0, 10),
      userId: actor?.kind === "user" ? actor.id : null,
    },
  });
  return { token, record };
}
