import type { ApiTokenOut } from "@/lib/schemas/api-token";
import type { Role } from "@/lib/auth/roles";

/** Every column a listing needs and nothing else: the hash is never selected, so it cannot leak by a spread. */
export const tokenRowSelect = {
  id: true,
  name: true,
  role: true,
  tokenHint: true,
  readOnly: true,
  allowedCidrs: true,
  expiresAt: true,
  lastUsedAt: true,
  createdAt: true,
  user: { select: { id: true, email: true } },
} as const;

export interface TokenRow {
  id: number;
  name: string;
  role: string;
  tokenHint: string;
  readOnly: boolean;
  allowedCidrs: string;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
  user: { id: number; email: string } | null;
}

export function serializeApiToken(row: TokenRow): ApiTokenOut {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    token_hint: row.tokenHint,
    read_only: row.readOnly,
    allowed_cidrs: row.allowedCidrs === "" ? [] : row.allowedCidrs.split(","),
    expires_at: row.expiresAt?.toISOString() ?? null,
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    owner: row.user ? { id: row.user.id, email: row.user.email } : null,
  };
}
