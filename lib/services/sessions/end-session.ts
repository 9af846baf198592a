import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { sessionLabelSchema } from "@/lib/schemas/session";
import { authorizeSessionsOf } from "@/lib/services/sessions/authorize-sessions-of";
import { hasRole } from "@/lib/auth/roles";

/**
 * Ends one session named by its label (or full stored id): users end their
 * own, admins anyone's (`userId` narrows the search to one user's sessions,
 * as a user's page does). 404 when no session matches (someone else's counts
 * as none for a non-admin, so labels of others cannot be probed); 409 when
 * two sessions share the label. Ending the caller's current session signs
 * this browser out on its next request.
 */
export async function endSession(actor: Actor, sessionLabelOrId: string, options: { userId?: number } = {}): Promise<void> {
  const label = sessionLabelSchema.parse(sessionLabelOrId);
  const mayEndAny = hasRole(actor.role, "admin");
  if (!mayEndAny && actor.kind !== "user") throw new AppError("forbidden", "This needs the admin role");
  const userId = mayEndAny ? options.userId : actor.id;
  const matches = await getDb().session.findMany({
    where: { id: { startsWith: label }, ...(userId === undefined ? {} : { userId }) },
    select: { id: true, userId: true },
    take: 2,
  });
  if (matches.length === 0) throw new AppError("not_found", "No such session");
  if (matches.length > 1) throw new AppError("conflict", "Two sessions share this label; end it from its user's page");
  authorizeSessionsOf(actor, matches[0].userId);
  await getDb().session.deleteMany({ where: { id: matches[0].id } });
}
