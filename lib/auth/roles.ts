import { z } from "zod";

export const roles = ["viewer", "editor", "admin"] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

const rank: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

/** admin ⊃ editor ⊃ viewer. */
export function hasRole(actual: Role, needed: Role): boolean {
  return rank[actual] >= rank[needed];
}

/** Who is calling: a signed-in user or an API token. Every service takes one. */
export interface Actor {
  kind: "user" | "token";
  id: number;
  name: string;
  role: Role;
  /** A read-only API token: every write through it is refused (withApi), whatever its role. */
  readOnly?: boolean;
  /** A signed-in user's session (the stored id: sha256 of the cookie's secret), to tell "this browser" apart. */
  sessionId?: string;
}
