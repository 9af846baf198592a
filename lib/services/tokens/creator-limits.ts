import { containsPrefix, tryParsePrefix } from "@/lib/ipam";
import { hasRole, type Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import type { CreateApiTokenData } from "@/lib/schemas/api-token";

/** The restrictions of the token a new token is made through (absent when a signed-in user makes it). */
export interface CreatorToken {
  readOnly: boolean;
  allowedCidrs: string;
  expiresAt: Date | null;
}

/** Whether `cidr` lies in one of `outer` (stored entries that do not parse contain nothing). */
function inside(outer: string[], cidr: string): boolean {
  const inner = tryParsePrefix(cidr);
  return inner !== null && outer.some((o) => {
    const prefix = tryParsePrefix(o);
    return prefix !== null && containsPrefix(prefix, inner);
  });
}

/**
 * A new token never has more power than whoever makes it: a role no higher
 * than the maker's (admins: any), and, when made through a token, no wider
 * client networks and no later expiry than that token's, or a leaked
 * restricted token could mint itself an unrestricted one. 403 otherwise.
 */
export function assertWithinCreator(actor: Actor, creator: CreatorToken | null, data: CreateApiTokenData): void {
  if (!hasRole(actor.role, data.role)) {
    throw new AppError("forbidden", `A token cannot have more rights than its maker: your role is ${actor.role}, not ${data.role}`);
  }
  if (!creator) return;
  if (creator.readOnly) throw new AppError("forbidden", "A read-only API token cannot make tokens");
  if (creator.allowedCidrs !== "") {
    const outer = creator.allowedCidrs.split(",");
    const wanted = data.allowed_cidrs ?? [];
    if (wanted.length === 0 || !wanted.every((cidr) => inside(outer, cidr))) {
      throw new AppError("forbidden", `This token is limited to ${outer.join(", ")}; a token it makes must be limited to networks inside them`, {
        allowed_cidrs: [`must lie inside ${outer.join(", ")}`],
      });
    }
  }
  if (creator.expiresAt && (!data.expires_at || data.expires_at > creator.expiresAt)) {
    throw new AppError("forbidden", `This token expires at ${creator.expiresAt.toISOString()}; a token it makes must expire no later`, {
      expires_at: [`must be no later than ${creator.expiresAt.toISOString()}`],
    });
  }
}
