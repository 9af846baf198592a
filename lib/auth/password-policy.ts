import { z } from "zod";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { hasLoneSurrogate } from "@/lib/schemas/unicode";

// THE password rule, for every path that sets a password: first-run setup,
// an admin creating a user or resetting a password, /account, the CLI.
// Length over composition rules (NIST SP 800-63B §3.1.1.2): at least 12
// characters and not one of the 10,000 most common passwords, ignoring case.

export const MIN_PASSWORD_LENGTH = 12;
// bcrypt reads 72 bytes; the cap keeps a hash request from being a denial of service.
export const MAX_PASSWORD_LENGTH = 200;

export const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters, not a common password`;

export const passwordSchema = z
  .string({ error: "Enter a password" })
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters`)
  // bcrypt hashes UTF-8: a lone surrogate would become U+FFFD, so different passwords would match.
  .refine((v) => !hasLoneSurrogate(v), "Password contains a broken character (a lone UTF-16 surrogate)")
  .refine((v) => !isCommonPassword(v), "This is one of the 10,000 most common passwords; choose another");
