import "server-only";
import { createHash, randomBytes } from "node:crypto";

// The cookie's JWT carries the secret `sid`; the database keeps only its
// sha256. Reading the sessions table (a backup, a leaked dump, an admin's
// query) therefore gives nobody a way in, and the id is still a direct
// primary-key lookup on every request.

/** A new session secret: 256 random bits, base64url (43 characters). */
export function newSessionSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** The sessions.id stored for a secret: its sha256, hex. */
export function storedSessionId(sid: string): string {
  return createHash("sha256").update(sid).digest("hex");
}

/** What users and admins see and name a session by: a prefix of the stored hash, no secret. */
export function sessionLabel(storedId: string): string {
  return storedId.slice(0, SESSION_LABEL_LENGTH);
}

export const SESSION_LABEL_LENGTH = 8;
