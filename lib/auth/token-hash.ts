import { createHash, randomBytes } from "node:crypto";

// Tokens carry 256 random bits, so a fast unsalted sha256 is enough to make a
// stolen database useless; bcrypt would only slow every API call down.
export const TOKEN_PREFIX = "ipam_";

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
