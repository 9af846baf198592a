import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { containsFilter, idsContaining } from "@/lib/db/raw";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Page } from "@/lib/schemas/responses";
import type { UserListQuery, UserOut, UserSortField } from "@/lib/schemas/user";
import { pageOf, readPage } from "@/lib/services/page";
import { authorizeUserAdmin } from "@/lib/services/users/authorize-user-admin";
import { serializeUser } from "@/lib/services/users/serialize-user";

const SORT_COLUMN: Record<UserSortField, keyof Prisma.UserOrderByWithRelationInput> = {
  email: "email", name: "name", role: "role", id: "id", created_at: "createdAt", last_login_at: "lastLoginAt",
};

/** GET /users (admin): search by email or name (the lists' one `q` rule, lib/db/raw/text-search), role filter, paged. */
export async function listUsers(actor: Actor | null, query: UserListQuery): Promise<Page<UserOut>> {
  authorizeUserAdmin(actor);
  const db = getDb();
  const where: Prisma.UserWhereInput = {};
  if (query.role) where.role = query.role;
  if (query.q) {
    const contains = containsFilter(query.q);
    where.OR = contains ? [{ email: contains }, { name: contains }] : [{ id: { in: await idsContaining(db, "users", query.q) } }];
  }
  const direction = query.sort.desc ? "desc" : "asc";
  const { rows, total, query: shown } = await readPage(
    query,
    () => db.user.count({ where }),
    (window) => db.user.findMany({ where, orderBy: [{ [SORT_COLUMN[query.sort.field]]: direction }, { id: "asc" }], ...window }),
  );
  return pageOf(rows.map(serializeUser), total, shown);
}
