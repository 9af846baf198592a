import { hasRole, roleSchema, type Role } from "./roles";

// Relative imports: lib/env.ts validates OIDC_ROLE_MAP with this, and config
// loaders (next.config.ts, prisma.config.ts) know nothing of the "@/" alias.

/** IdP group → role. */
export type RoleMap = ReadonlyMap<string, Role>;

/**
 * "ipam-admins=admin,ipam-editors=editor" → a map; "" → empty. Entries are
 * separated by ";" instead when the text has one, for group names that carry
 * commas themselves (LDAP DNs: "cn=ipam,ou=groups,dc=example=admin"). The role
 * follows the last "=". A bad entry → a message naming it, for lib/env.ts.
 */
export function parseRoleMap(text: string): Map<string, Role> | string {
  const map = new Map<string, Role>();
  const separator = text.includes(";") ? ";" : ",";
  for (const entry of text.split(separator).map((part) => part.trim()).filter(Boolean)) {
    const at = entry.lastIndexOf("=");
    const group = entry.slice(0, at).trim();
    const role = roleSchema.safeParse(entry.slice(at + 1).trim());
    if (at <= 0 || !group || !role.success) return `"${entry}" is not group=admin, group=editor or group=viewer`;
    map.set(group, role.data);
  }
  return map;
}

/**
 * The role a user's groups give: the highest mapped one, else the default.
 * Null when no group is mapped and the default is "none": that user is refused.
 */
export function roleForGroups(groups: readonly string[], map: RoleMap, fallback: Role | "none"): Role | null {
  let best: Role | null = null;
  for (const group of groups) {
    const role = map.get(group);
    if (role && (best === null || hasRole(role, best))) best = role;
  }
  return best ?? (fallback === "none" ? null : fallback);
}
