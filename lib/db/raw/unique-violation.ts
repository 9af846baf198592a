// Which table's unique index refused a write, on either engine. Prisma's
// driver adapters describe it the same way for both (P2002 from a model
// write, P2010 from a raw one): meta.driverAdapterError.cause =
// { kind: "UniqueConstraintViolation", table }. The engines' own words are
// the fallback: SQLite "UNIQUE constraint failed: hosts.ip_key", PostgreSQL
// 23505 'duplicate key value violates unique constraint "hosts_ip_key_key"'
// (Prisma names indexes <table>_<columns>_key).

interface ErrorLike {
  message?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; table?: unknown } } };
}

/** True when `error` is a unique index of `table` refusing a write. */
export function isUniqueViolationOf(error: unknown, table: string): boolean {
  const e = error as ErrorLike | null | undefined;
  const cause = e?.meta?.driverAdapterError?.cause;
  if (cause?.kind === "UniqueConstraintViolation" && cause.table === table) return true;
  const text = String(e?.message ?? "");
  return text.includes(`UNIQUE constraint failed: ${table}.`) || text.includes(`duplicate key value violates unique constraint "${table}_`);
}
