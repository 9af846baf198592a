// Sort-key columns (every column whose name ends in `_key`: start_key,
// end_key, ip_key…) hold lib/ipam sort keys, whose byte order is address
// order. SQLite compares TEXT byte-wise; PostgreSQL compares with the
// database's collation (en_US.UTF-8 ignores punctuation and case), which
// would break range scans and ordering. So on PostgreSQL every such column
// is `TEXT COLLATE "C"`. Prisma's schema language cannot say that, and its
// engine ignores collations when diffing, so the PostgreSQL migration SQL is
// rewritten here, and tests/schema-drift.integration.test.ts checks the
// migrated database.

// `    "ip_key" TEXT NOT NULL,` (CREATE TABLE), `ADD COLUMN     "rack_key" TEXT`,
// `ALTER COLUMN "rack_key" SET DATA TYPE TEXT`: the places Prisma's PostgreSQL
// SQL gives a column its type.
const KEY_COLUMN_TYPE =
  /(^[ \t]+|ADD COLUMN\s+)("\w*_key")(\s+)|(ALTER COLUMN\s+)("\w*_key")(\s+SET DATA TYPE\s+)/gm;
const TYPE = /^([A-Z][A-Z0-9_]*(?:\([^)]*\))?(?:\[\])?)(\s+COLLATE\s+"[^"]*")?/;

/**
 * Adds `COLLATE "C"` to every sort-key column the PostgreSQL migration SQL
 * creates, adds or retypes. Throws (nothing is written) when such a column is
 * not TEXT or names another collation: a sort key must be a String.
 */
export function collateKeyColumns(sql: string): string {
  let out = "";
  let at = 0;
  for (const match of sql.matchAll(KEY_COLUMN_TYPE)) {
    const column = match[2] ?? match[5];
    const typeAt = match.index + match[0].length;
    const typed = TYPE.exec(sql.slice(typeAt));
    const type = typed?.[1];
    if (type !== "TEXT") {
      throw new Error(
        `Column ${column} is ${type ?? "of an unknown type"}: a column whose name ends in _key is an address sort key ` +
          'and must be a String (TEXT COLLATE "C" on PostgreSQL). Rename it or make it a String.',
      );
    }
    const collate = typed![2];
    if (collate && !/"C"$/.test(collate)) throw new Error(`Column ${column} has${collate}: sort keys must use COLLATE "C".`);
    out += sql.slice(at, typeAt) + 'TEXT COLLATE "C"';
    at = typeAt + typed![0].length;
  }
  return out + sql.slice(at);
}
