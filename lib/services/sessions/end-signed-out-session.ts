import "server-only";
import { getDb } from "@/lib/db/client";
import { storedSessionId } from "@/lib/services/sessions/session-secret";

/** Sign-out: deletes the row of the cookie's secret, so a saved copy of the cookie is refused from now on. */
export async function endSignedOutSession(sid: string): Promise<void> {
  await getDb().session.deleteMany({ where: { id: storedSessionId(sid) } });
}
