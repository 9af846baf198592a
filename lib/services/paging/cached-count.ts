import "server-only";
import { CommitCache } from "@/lib/db/raw/commit-cache";

// A list's total under a filter is a COUNT over every matching row (50 ms
// for the 1M hosts of one network), paid on every page view while the page
// itself costs under 1 ms. Kept until any connection commits, like the
// unfiltered counts (lib/db/raw/commit-cache).

const totals = new CommitCache<number>();

/** `count()` once per list (`key`: table and filters) between commits; no key (inside a transaction): counted every time. */
export async function cachedCount(key: string | null, count: () => Promise<number>): Promise<number> {
  if (key === null) return count();
  const [n] = await totals.get([key], (k) => k, async () => [await count()]);
  return n;
}
