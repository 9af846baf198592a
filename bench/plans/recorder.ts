import type { Tx } from "../../lib/db/client";
import { Prisma } from "../../lib/generated/prisma/client";

// A stand-in for a Prisma transaction that runs nothing and keeps the
// statements lib/db/raw hands it: the plans are then taken of the very SQL
// the app sends, not of a copy written here.

export interface Recorder { tx: Tx; taken: Prisma.Sql[] }

export function recorder(): Recorder {
  const taken: Prisma.Sql[] = [];
  // Called with a Prisma.sql template, or as a tagged template (strings, ...values).
  const take = (first: Prisma.Sql | TemplateStringsArray, ...values: unknown[]) => {
    taken.push(Array.isArray(first) ? Prisma.sql(first as TemplateStringsArray, ...values) : (first as Prisma.Sql));
  };
  const tx = {
    $queryRaw: async (first: Prisma.Sql | TemplateStringsArray, ...values: unknown[]) => (take(first, ...values), []),
    $executeRaw: async (first: Prisma.Sql | TemplateStringsArray, ...values: unknown[]) => (take(first, ...values), 0),
  };
  return { tx: tx as unknown as Tx, taken };
}

/** The one statement `call` sends through the recorder. */
export async function statementOf(call: (tx: Tx) => Promise<unknown>): Promise<Prisma.Sql> {
  const { tx, taken } = recorder();
  await call(tx);
  if (taken.length !== 1) throw new Error(`expected one statement, got ${taken.length}`);
  return taken[0];
}
