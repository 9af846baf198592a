import "server-only";
import { onPostgres } from "./dialect";

// Where NULL sorts when ORDER BY names no NULLS FIRST/LAST (Prisma's default):
// SQLite puts it before every value, PostgreSQL after. Lists keep each
// engine's own order, which its plain indexes serve (an explicit NULLS LAST
// on SQLite, or NULLS FIRST on PostgreSQL, would sort the whole set instead),
// and the keyset cursors (lib/services/paging) ask here which side NULL is on.

/** True when NULL sorts after every value in ascending order. */
export const nullsSortLast = (): boolean => onPostgres();
