import type { User } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/auth/roles";
import type { UserOut } from "@/lib/schemas/user";

/** The API's user: an explicit pick, so a column added later (or the hash) is never shown by accident. */
export function serializeUser(row: Omit<User, "passwordHash">): UserOut {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    disabled: row.disabled,
    auth_source: row.authSource as UserOut["auth_source"],
    last_login_at: row.lastLoginAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
