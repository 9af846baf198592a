import type { ApiToken } from "@/lib/generated/prisma/client";
import type { ApiTokenOut } from "@/lib/schemas/api-token";
import type { Role } from "@/lib/auth/roles";

export function serializeApiToken(row: Omit<ApiToken, "tokenHash">): ApiTokenOut {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    token_hint: row.tokenHint,
    expires_at: row.expiresAt?.toISOString() ?? null,
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}
