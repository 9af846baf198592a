import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { containsAsciiCi, onPostgres } from "./dialect";
import type { Queryable } from "./types";

// The one definition of the lists' `q=` text match, on both engines: a
// searchable column contains the text, ignoring the case of ASCII letters
// only (SQLite's LIKE, the original behaviour). Prisma's `contains` is that
// rule on SQLite, and on PostgreSQL with mode "insensitive" (ILIKE) as long
// as the text is ASCII: ILIKE under the database's collation would also fold
// É to é, so non-ASCII text takes the exact raw query (idsContaining), as
// does text holding LIKE's wildcards % _ \ on either engine.

// Table and column names are these constants, never input: they are the only
// text spliced into the statement (Prisma.raw); the search text is a parameter.
const SEARCHABLE = {
  hosts: ["description", "hostname", "cname", "ip_address", "mac_address"],
  networks: ["description", "name", "location", "domain", "network"],
  users: ["email", "name"],
} as const;

/**
 * Prisma's filter for "column contains `text`" by the rule above, or null
 * when only idsContaining gives the rule's rows. Typed as the SQLite
 * client's filter (the app's one `Db` type has no `mode`); the PostgreSQL
 * client reads the mode.
 */
export function containsFilter(text: string): { contains: string } | null {
  if (/[%_\\]/.test(text)) return null;
  if (!onPostgres()) return { contains: text };
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text) ? ({ contains: text, mode: "insensitive" } as { contains: string }) : null;
}

/**
 * Ids of rows where any searchable column (or any of `columns`, one field
 * filter such as `name=`) contains `text` literally, by the rule above (at most 10,000).
 */
export async function idsContaining<T extends keyof typeof SEARCHABLE>(
  q: Queryable, table: T, text: string, columns: readonly (typeof SEARCHABLE)[T][number][] = SEARCHABLE[table],
): Promise<number[]> {
  const match = Prisma.join(columns.map((c) => containsAsciiCi(c, text)), " OR ");
  const rows = await q.$queryRaw<Array<{ id: unknown }>>`SELECT id FROM ${Prisma.raw(table)} WHERE ${match} LIMIT 10000`;
  return rows.map((r) => Number(r.id));
}
