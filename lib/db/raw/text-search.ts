import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Queryable } from "./types";

// Table and column names are these constants, never input: they are the only
// text spliced into the statement (Prisma.raw); the search text is a parameter.
const SEARCHABLE = {
  hosts: ["description", "hostname", "cname", "ip_address", "mac_address"],
  networks: ["description", "name", "location", "domain", "network"],
} as const;

/**
 * Ids of rows where any searchable column contains `text` literally (ASCII
 * case-insensitive, like LIKE). Used only when `text` holds % _ or \, which
 * Prisma's `contains` would pass to LIKE as wildcards.
 */
export async function idsContaining(q: Queryable, table: keyof typeof SEARCHABLE, text: string): Promise<number[]> {
  const match = Prisma.join(SEARCHABLE[table].map((c) => Prisma.sql`instr(lower(${Prisma.raw(c)}), lower(${text})) > 0`), " OR ");
  const rows = await q.$queryRaw<Array<{ id: unknown }>>`SELECT id FROM ${Prisma.raw(table)} WHERE ${match} LIMIT 10000`;
  return rows.map((r) => Number(r.id));
}
