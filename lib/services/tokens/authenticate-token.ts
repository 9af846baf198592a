import "server-only";
import { getDb } from "@/lib/db/client";
import { findTokenForAuth, type TokenForAuth } from "@/lib/db/raw";
import { hashToken, TOKEN_PREFIX } from "@/lib/auth/token-hash";
import { hasRole, roleSchema, type Actor, type Role } from "@/lib/auth/roles";
import { clientAllowed } from "@/lib/services/tokens/client-allowed";

// last_used_at is written at most once a minute per token so a busy script
// does not turn every read into a write.
const LAST_USED_GRANULARITY_MS = 60_000;
/** Token id → when this process last wrote its last_used_at. */
const touchedAt = new Map<number, number>();

/**
 * One write per token per minute even when a cold token's first calls come in
 * a burst: the process remembers its own writes, and the update is
 * conditional, so another instance's concurrent touch makes it a no-op (which
 * commits nothing and leaves the read caches valid).
 */
async function touchLastUsed(id: number, now: number): Promise<void> {
  if (now - (touchedAt.get(id) ?? 0) <= LAST_USED_GRANULARITY_MS) return;
  touchedAt.set(id, now);
  if (touchedAt.size > 10_000) touchedAt.clear();
  const stale = new Date(now - LAST_USED_GRANULARITY_MS);
  await getDb().apiToken.updateMany({
    where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: stale } }] },
    data: { lastUsedAt: new Date(now) },
  });
}

/**
 * The role a token acts with, or null when it must be refused.
 *
 * A token never carries more rights than its owner has now: it acts with the
 * lower of its own role and the owner's current role, and a disabled owner, or
 * a user_id whose row is gone, refuses it. A token with no owner at all
 * (user_id NULL) is one the trusted admin CLI made (`createApiToken(null, …)`,
 * scripts/admin.ts); nobody can be demoted behind it, so it keeps its own role.
 */
export function effectiveTokenRole(record: Pick<TokenForAuth, "role" | "ownerId" | "owner">): Role | null {
  const own = roleSchema.safeParse(record.role);
  if (!own.success) return null;
  if (record.ownerId === null) return own.data;
  if (!record.owner || record.owner.disabled) return null;
  const owner = roleSchema.safeParse(record.owner.role);
  if (!owner.success) return null;
  return hasRole(owner.data, own.data) ? own.data : owner.data;
}

/**
 * The actor for a valid, unexpired bearer token whose owner may still act and
 * whose client networks (if any) contain `clientAddress`, else null.
 * `clientAddress` is `clientAddress(headers)` (lib/http/client-address.ts);
 * null means unknown, which a network-restricted token never accepts.
 */
export async function authenticateToken(token: string, clientAddress: string | null = null): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const record = await findTokenForAuth(hashToken(token));
  if (!record) return null;
  const now = Date.now();
  if (record.expiresAt && record.expiresAt.getTime() <= now) return null;
  const role = effectiveTokenRole(record);
  if (!role) return null;
  if (!clientAllowed(record.allowedCidrs, clientAddress)) return null;
  if (!record.lastUsedAt || now - record.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await touchLastUsed(record.id, now);
  }
  return { kind: "token", id: record.id, name: record.name, role, readOnly: record.readOnly };
}
