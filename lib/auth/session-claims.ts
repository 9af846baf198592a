import { z } from "zod";

// What the session cookie's JWT holds, and nothing else that names the user:
// `sid`, the session's 256-bit secret (the sessions row is its sha256), and
// `uid`, the user id it was issued to. No email: an identity that can be
// deleted and re-created must never carry a session across.
const claimsSchema = z.object({
  sid: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  uid: z.number().int().positive(),
});

export type SessionClaims = z.infer<typeof claimsSchema>;

/** The claims of a decoded session JWT, or null for anything else (an old email-based cookie included). */
export function sessionClaims(token: unknown): SessionClaims | null {
  const parsed = claimsSchema.safeParse(token);
  return parsed.success ? { sid: parsed.data.sid, uid: parsed.data.uid } : null;
}
