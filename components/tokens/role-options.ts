import { hasRole, roles, type Role } from "@/lib/auth/roles";

/** The roles a caller may give a new token: their own and below (the service enforces it too). */
export function tokenRoleOptions(maxRole: Role) {
  return roles.filter((role) => hasRole(maxRole, role)).map((role) => ({ value: role, label: role }));
}
