import "server-only";
import { getDb } from "@/lib/db/client";
import { inWriteTransaction } from "@/lib/services/write-options";
import { generateToken, hashToken } from "@/lib/auth/token-hash";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { createApiTokenSchema, type CreateApiTokenInput } from "@/lib/schemas/api-token";
import { authorize } from "@/lib/services/authorize";
import { assertWithinCreator, type CreatorToken } from "@/lib/services/tokens/creator-limits";
import { tokenRowSelect, type TokenRow } from "@/lib/services/tokens/serialize-api-token";

/** How many characters of the token the listings show: the prefix and five more, too few to guess from. */
const HINT_LENGTH = 10;

/** The token a token-authenticated caller acts through; revoked since it was checked: 401, never "no limits". */
async function creatorToken(actor: Actor): Promise<(CreatorToken & { userId: number | null }) | null> {
  if (actor.kind !== "token") return null;
  const row = await getDb().apiToken.findUnique({ where: { id: actor.id }, select: { readOnly: true, allowedCidrs: true, expiresAt: true, userId: true } });
  if (!row) throw new AppError("unauthorized", "Invalid, expired or revoked API token");
  return row;
}

/**
 * Creates an API token for the caller and returns it in clear exactly once;
 * only its hash is stored. Anyone signed in may make one with a role no
 * higher than their own (`assertWithinCreator`); it belongs to the caller (a
 * token acts for its owner). `actor` null is the trusted admin CLI: any role,
 * no owner.
 */
export async function createApiToken(actor: Actor | null, input: CreateApiTokenInput): Promise<{ token: string; record: TokenRow }> {
  if (actor) authorize(actor, "viewer");
  const data = createApiTokenSchema.parse(input);
  const creator = actor ? await creatorToken(actor) : null;
  if (actor) assertWithinCreator(actor, creator, data);
  const token = generateToken();
  const record = await inWriteTransaction(actor, undefined, (tx) => tx.apiToken.create({
    data: {
      name: data.name,
      role: data.role,
      expiresAt: data.expires_at ?? null,
      readOnly: data.read_only ?? false,
      allowedCidrs: (data.allowed_cidrs ?? []).join(","),
      tokenHash: hashToken(token),
      tokenHint: token.slice(0, HINT_LENGTH),
      userId: actor?.kind === "user" ? actor.id : (creator?.userId ?? null),
    },
    select: tokenRowSelect,
  }));
  return { token, record };
}
