import { z } from "zod";
import { roleSchema } from "@/lib/auth/roles";

export const createApiTokenSchema = z.strictObject({
  name: z.string().trim().min(1, "Name is required").max(100),
  role: roleSchema,
  expires_at: z.coerce.date().optional(),
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
