import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { isoTimestamp } from "./backup-values";
import { readRow } from "./read-connection";

/** A sessions row with its user's current state: what every signed-in request is checked against. */
export interface SessionForAuth {
  userId: number;
  authMethod: string;
  lastSeenAt: Date;
  expiresAt: Date;
  user: { email: string; name: string | null; role: string; disabled: boolean };
}

// sessions.id is the primary key and users.id too: one indexed lookup.
// (The foreign key cascades, so a session always has its user.)
const sessionById = (id: string) => Prisma.sql`
  SELECT s.user_id, s.auth_method, s.last_seen_at, s.expires_at, u.email, u.name, u.role, u.disabled
  FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ${id}`;

/** SQLite returns Prisma's ISO text; the PostgreSQL reader already UTC Dates. */
const dateOf = (v: unknown): Date => (v instanceof Date ? v : new Date(isoTimestamp(v as string | number)));

/**
 * The session behind a request, on the read connection (committed data, so
 * a sign-out or an ended session refuses the very next request): one
 * statement instead of Prisma's two (~1.5 ms of CPU per request, as for
 * tokens in ./api-tokens).
 */
export async function findSessionForAuth(id: string): Promise<SessionForAuth | null> {
  const row = await readRow<Record<string, unknown>>(sessionById(id));
  if (!row) return null;
  return {
    userId: Number(row.user_id),
    authMethod: String(row.auth_method),
    lastSeenAt: dateOf(row.last_seen_at),
    expiresAt: dateOf(row.expires_at),
    // SQLite stores the flag as 0/1, PostgreSQL as a boolean.
    user: { email: String(row.email), name: row.name === null ? null : String(row.name), role: String(row.role), disabled: Boolean(Number(row.disabled)) },
  };
}
