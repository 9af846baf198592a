import { z } from "zod";
import { roleSchema } from "@/lib/auth/roles";

export const emailSchema = z.email("Enter a valid email address").trim().toLowerCase();
export const passwordSchema = z
  .string()
  .min(8, "Use at least 8 characters")
  .max(200, "Use at most 200 characters");

export const createUserSchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().max(100).optional(),
  password: passwordSchema,
  role: roleSchema.default("viewer"),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const setupAdminSchema = z
  .strictObject({
    email: emailSchema,
    name: z.string().trim().max(100).optional(),
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
