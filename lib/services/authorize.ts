import { hasRole, type Actor, type Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

/** Every service calls this first: viewer reads, editor writes, admin everything. */
export function authorize(actor: Actor, role: Role): void {
  if (!hasRole(actor.role, role)) throw new AppError("forbidden", `This needs the ${role} role`);
}
