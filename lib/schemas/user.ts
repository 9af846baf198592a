import { z } from "zod";
import { roleSchema } from "@/lib/auth/roles";
import { hasHiddenOrBidiCharacters, hasLoneSurrogate } from "@/lib/schemas/unicode";

export const emailSchema = z.email("Enter a valid email address").trim().toLowerCase();
// A person's display name: free text, but a name (see lib/schemas/unicode.ts).
const userNameField = z
  .string()
  .trim()
  .max(100)
  .refine((v) => !hasLoneSurrogate(v), "Name contains a broken character (a lone UTF-16 surrogate)")
  .refine((v) => !hasHiddenOrBidiCharacters(v), "Name must not contain invisible or text-direction characters (zero-width, bidi override)")
  .optional();

export const passwordSchema = z
  .string()
  .min(8, "Use at least 8 characters")
  .max(200, "Use at most 200 characters");

export const createUserSchema = z.strictObject({
  email: emailSchema,
  name: userNameField,
  password: passwordSchema,
  role: roleSchema.default("viewer"),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

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
