import { z } from "zod";
import { roleSchema, roles } from "@/lib/auth/roles";
import { passwordSchema } from "@/lib/auth/password-policy";
import { optionalName, optionalText } from "@/lib/schemas/fields";
import { hasLoneSurrogate } from "@/lib/schemas/unicode";
import { intParam, sortParam } from "@/lib/schemas/list";

// User shapes for the forms, the server actions, /api/v1/users and the CLI.
// Browser-safe. The password rule itself is lib/auth/password-policy.ts.

export { passwordSchema };

export const emailSchema = z
  .email("Enter a valid email address")
  .max(254, "Use at most 254 characters")
  .trim()
  .toLowerCase()
  .meta({ example: "ada@example.com" });

// A person's display name: free text, but a name (see lib/schemas/unicode.ts); "" means none.
const userNameField = optionalName("Name", 100).meta({ example: "Ada Lovelace" });

/** Absent or null: the server generates one and returns it once. */
const newPasswordField = passwordSchema
  .nullable()
  .optional()
  .meta({ description: "Absent or null: a random password is generated and returned once in the response" });

export const createUserSchema = z.strictObject({
  email: emailSchema,
  name: userNameField,
  password: newPasswordField,
  role: roleSchema.default("viewer"),
});
export type CreateUserInput = z.input<typeof createUserSchema>;
export type CreateUserData = z.output<typeof createUserSchema>;

/** PATCH /users/{id} and the admin page: only the fields sent change. */
export const updateUserSchema = z.strictObject({
  name: userNameField,
  role: roleSchema.optional(),
  disabled: z.boolean({ error: "disabled must be true or false" }).optional().meta({ description: "A disabled user cannot sign in; their sessions end" }),
});
export type UpdateUserInput = z.input<typeof updateUserSchema>;
export type UpdateUserData = z.output<typeof updateUserSchema>;

/** POST /users/{id}/password: set this password, or (absent/null) generate one. */
export const resetPasswordSchema = z.strictObject({ password: newPasswordField });
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

/** /account: the current password proves it is the owner at the keyboard. */
export const changeOwnPasswordSchema = z
  .strictObject({
    // No stored password has a lone surrogate (passwordSchema), and bcrypt would hash one as U+FFFD: refused before any hashing.
    current_password: z
      .string({ error: "Enter your current password" })
      .min(1, "Enter your current password")
      .max(200)
      .refine((v) => !hasLoneSurrogate(v), "Password contains a broken character (a lone UTF-16 surrogate)"),
    new_password: passwordSchema,
    confirm_password: z.string({ error: "Repeat the new password" }),
  })
  .refine((v) => v.new_password === v.confirm_password, { message: "Passwords do not match", path: ["confirm_password"] });
export type ChangeOwnPasswordInput = z.input<typeof changeOwnPasswordSchema>;

export const userSortFields = ["email", "name", "role", "id", "created_at", "last_login_at"] as const;
export type UserSortField = (typeof userSortFields)[number];

export const userListQuery = z.object({
  page: intParam("page", 1, 1_000_000).default(1),
  per_page: intParam("per_page", 1, 1000).default(50),
  q: optionalText("q", 200).meta({ description: "Case-insensitive substring of the email or name" }),
  sort: sortParam(userSortFields, "email"),
  role: z.enum(roles, { error: "role must be viewer, editor or admin" }).optional(),
});
export type UserListQuery = z.output<typeof userListQuery>;

export const setupAdminSchema = z
  .strictObject({
    email: emailSchema,
    name: userNameField,
    password: passwordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: "Passwords do not match", path: ["confirm"] });
export type SetupAdminInput = z.input<typeof setupAdminSchema>;

export const loginSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, "Enter your password"),
});
export type LoginInput = z.input<typeof loginSchema>;

const timestamp = z.string().meta({ description: "ISO 8601 UTC", example: "2026-01-02T03:04:05.000Z" });

/** A user as the API shows one: never the password hash. */
export const userOut = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string().nullable(),
  role: roleSchema,
  disabled: z.boolean(),
  auth_source: z.enum(["local", "oidc", "proxy"]).meta({ description: "How the account was created" }),
  last_login_at: timestamp.nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type UserOut = z.infer<typeof userOut>;

/** Create and reset: the generated password appears in this one response, never again. */
export const userWithPasswordOut = userOut.extend({
  password: z.string().optional().meta({ description: "Only when the server generated the password: shown once" }),
});
export type UserWithPasswordOut = z.infer<typeof userWithPasswordOut>;
