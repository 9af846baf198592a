import { z } from "zod";

// Signed-in sessions as listed on /account and for admins, and how one is
// named to end it. Browser-safe. A session is shown by a label (a prefix of
// the stored sha256, lib/services/sessions/session-secret.ts), never by the
// secret its cookie carries.

/** The label shown in a list, or the full stored id: lowercase hex, 8 to 64 digits. */
export const sessionLabelSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{8,64}$/, { error: "a session is named by its 8-character label" })
  .meta({ description: "The session's label as listed", example: "3f9a06c1" });

const timestamp = z.string().meta({ description: "ISO 8601 UTC", example: "2026-01-02T03:04:05.000Z" });

export const sessionOut = z.object({
  id: z.string().meta({ description: "A label (not a secret): the first 8 hex digits of the stored session id", example: "3f9a06c1" }),
  auth_method: z.enum(["local", "oidc", "proxy"]),
  created_at: timestamp,
  last_seen_at: timestamp.meta({ description: "Updated at most once a minute" }),
  expires_at: timestamp.meta({ description: "The absolute end; it ends earlier when unused for the idle timeout" }),
  ip_address: z.string().nullable(),
  user_agent: z.string().nullable(),
  current: z.boolean().meta({ description: "The session making this request" }),
});
export type SessionOut = z.infer<typeof sessionOut>;
