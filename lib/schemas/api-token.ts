import { z } from "zod";
import { roleSchema } from "@/lib/auth/roles";
import { requiredName } from "@/lib/schemas/fields";

export const createApiTokenSchema = z.strictObject({
  name: requiredName("Name", 100),
  role: roleSchema,
  // An ISO date or timestamp; null or absent means "never expires". Not
  // z.coerce.date(): that turns null, 0 or true into 1970, an already-dead token.
  expires_at: z
    .union([z.iso.datetime({ offset: true, local: true }), z.iso.date()], { error: "expires_at must be an ISO 8601 date or timestamp, or null" })
    .transform((v) => new Date(v))
    // Checked when the token is made (API and CLI alike): a token that is dead on arrival is a typo, not a wish.
    .refine((date) => date.getTime() > Date.now(), "expires_at must be in the future")
    .nullable()
    .optional()
    .meta({ description: "When the token stops working; null or absent: never", example: "2027-01-01T00:00:00Z" }),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;

/** An API token as listed: never the token itself, only its first characters. */
export const apiTokenOut = z.object({
  id: z.number().int(),
  name: z.string(),
  role: roleSchema,
  token_hint: z.string().meta({ description: "First characters of the token", example: "ipam_AbCd" }),
  expires_at: z.string().nullable(),
  last_used_at: z.string().nullable(),
  created_at: z.string(),
});
export type ApiTokenOut = z.infer<typeof apiTokenOut>;
export const createdApiTokenOut = apiTokenOut.extend({
  token: z.string().meta({ description: "Shown once; only its hash is stored" }),
});
