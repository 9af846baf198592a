import "server-only";
import { getDb } from "@/lib/db/client";
import { findTokenForAuth } from "@/lib/db/raw";
import { hashToken, TOKEN_PREFIX } from "@/lib/auth/token-hash";
import { roleSchema, type Actor } from "@/lib/auth/roles";

// last_used_at is written at most once a minute per token so a busy script
// does not turn every read into a write.
const LAST_USED_GRANULARITY_MS = 60_000;

/** The actor for a valid, unexpired bearer token, else null. */
export async function authenticateToken(token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const record = await findTokenForAuth(hashToken(token));
  if (!record) return null;
  const now = Date.now();
  if (record.expiresAt && record.expiresAt.getTime() <= now) return null;
  if (record.userDisabled) return null;
  if (!record.lastUsedAt || now - record.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await getDb().apiToken.update({ where: { id: record.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { kind: "token", id: record.id, name: record.name, role: roleSchema.parse(record.role) };
}
