import { z } from "zod";
import { embeddedIPv4PrefixProblem, formatPrefix, isIpamError, parsePrefix } from "@/lib/ipam";
import { roleSchema } from "@/lib/auth/roles";
import { requiredName } from "@/lib/schemas/fields";

// API tokens as created by /account/tokens, POST /api/v1/tokens and the admin
// CLI, and as listed. Browser-safe: the form validates with these schemas.

/** More would be a network list, not a restriction; and the column is one text field. */
export const MAX_ALLOWED_CIDRS = 32;

const flag = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0", "on", ""])], { error: "must be true or false" })
  .transform((v) => v === true || v === "true" || v === "1" || v === "on");

/**
 * One client network a token may be used from, in canonical form ("10.0.0.0/8",
 * "2001:db8::/32"); a bare address is that one host (/32, /128). Host bits set
 * and IPv4-mapped IPv6 are refused with the form meant, as for networks.
 */
export function canonicalCidr(text: string): string {
  const prefix = parsePrefix(text);
  const embedded = embeddedIPv4PrefixProblem(prefix);
  if (embedded) throw new Error(`${text.trim()}: ${embedded}`);
  return formatPrefix(prefix);
}

/** The form sends one text ("10.0.0.0/8, 192.168.1.7"); the API a list. Both become a sorted list of unique canonical CIDRs. */
export const allowedCidrsField = z
  .union([z.array(z.string({ error: "each entry must be text" })).max(MAX_ALLOWED_CIDRS), z.string().max(4000), z.null()], {
    error: "allowed_cidrs must be a list of CIDRs",
  })
  .transform((value, ctx): string[] => {
    const entries = value === null ? [] : typeof value === "string" ? value.split(/[\s,]+/) : value;
    const out = new Set<string>();
    for (const entry of entries.map((e) => e.trim()).filter(Boolean)) {
      try {
        out.add(canonicalCidr(entry));
      } catch (error) {
        const reason = isIpamError(error) || error instanceof Error ? error.message : "not a CIDR";
        ctx.addIssue({ code: "custom", message: `Not a network in CIDR form: ${reason}` });
      }
    }
    if (out.size > MAX_ALLOWED_CIDRS) ctx.addIssue({ code: "custom", message: `At most ${MAX_ALLOWED_CIDRS} networks` });
    return [...out].sort();
  })
  .optional()
  .meta({ description: "Client networks the token may be used from (IPv4/IPv6 CIDRs); empty or absent: anywhere", example: ["10.0.0.0/8", "2001:db8::/32"] });

const tokenName = requiredName("Name", 100).meta({ description: "What the token is for", example: "ansible" });

export const createApiTokenSchema = z.strictObject({
  name: tokenName,
  role: roleSchema.meta({ description: "At most your own role (admins: any)" }),
  // An ISO date or timestamp; null or absent means "never expires". Not
  // z.coerce.date(): that turns null, 0 or true into 1970, an already-dead token.
  // A form's empty date input ("") means never, like null.
  expires_at: z.preprocess((v) => (v === "" ? null : v), z
    .union([z.iso.datetime({ offset: true, local: true }), z.iso.date()], { error: "expires_at must be an ISO 8601 date or timestamp, or null" })
    .transform((v) => new Date(v))
    // Checked when the token is made (API and CLI alike): a token that is dead on arrival is a typo, not a wish.
    .refine((date) => date.getTime() > Date.now(), "expires_at must be in the future")
    .nullable()
    .optional())
    .meta({ description: "When the token stops working; null or absent: never", example: "2027-01-01T00:00:00Z" }),
  read_only: flag.optional().meta({ description: "Only GET/HEAD requests, whatever the role" }),
  allowed_cidrs: allowedCidrsField,
});
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;
export type CreateApiTokenData = z.output<typeof createApiTokenSchema>;

// A token's security is fixed when it is made (NetBox #22820: an edit could
// widen a token's rights behind its holder's back). Naming them here gives a
// clear 422 instead of "Unknown field"; make a new token instead.
const fixed = (field: string) =>
  z
    .never({ error: `${field} cannot be changed after the token is created; create a new token instead` })
    .optional()
    .meta({ description: "Fixed when the token is made: sending it is a 422" });

/** PATCH /tokens/{id}: only the name; an empty object changes nothing. */
export const renameApiTokenSchema = z.strictObject({
  name: tokenName.optional(),
  role: fixed("role"),
  read_only: fixed("read_only"),
  allowed_cidrs: fixed("allowed_cidrs"),
  expires_at: fixed("expires_at"),
  owner: fixed("owner"),
  user_id: fixed("user_id"),
  token: fixed("token"),
  token_hint: fixed("token_hint"),
});
export type RenameApiTokenInput = z.input<typeof renameApiTokenSchema>;

/** GET /tokens?all=true: an admin's view of everyone's tokens. */
export const listApiTokensQuery = z.strictObject({
  all: z.enum(["true", "false"], { error: "all must be true or false" }).optional().transform((v) => v === "true"),
});

/** An API token as listed: never the token itself nor its hash, only its first characters. */
export const apiTokenOut = z.object({
  id: z.number().int(),
  name: z.string(),
  role: roleSchema,
  token_hint: z.string().meta({ description: "The prefix and first characters of the token", example: "ipam_AbCd" }),
  read_only: z.boolean(),
  allowed_cidrs: z.array(z.string()).meta({ description: "Empty: usable from anywhere" }),
  expires_at: z.string().nullable(),
  last_used_at: z.string().nullable(),
  created_at: z.string(),
  owner: z
    .object({ id: z.number().int(), email: z.string() })
    .nullable()
    .meta({ description: "The user the token acts for; null for a token made by the admin CLI" }),
});
export type ApiTokenOut = z.infer<typeof apiTokenOut>;
export const createdApiTokenOut = apiTokenOut.extend({
  token: z.string().meta({ description: "Shown once; only its hash is stored" }),
});
export type CreatedApiTokenOut = z.infer<typeof createdApiTokenOut>;
