import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import type { ApiTokenOut } from "@/lib/schemas/api-token";
import { authorize } from "@/lib/services/authorize";
import { serializeApiToken } from "@/lib/services/tokens/serialize-api-token";

/** Admins only: every token with its hint, role, expiry and last use (never the token or its hash). */
export async function listApiTokens(actor: Actor): Promise<ApiTokenOut[]> {
  authorize(actor, "admin");
  const rows = await getDb().apiToken.findMany({ orderBy: { id: "asc" } });
  return rows.map(serializeApiToken);
}
