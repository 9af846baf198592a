import "server-only";
import { dataVersion } from "@/lib/db/raw/read-connection";
import type { CursorValue } from "@/lib/schemas/cursor";

// Page N of a list starts after the key of its row (N-1)·per_page. Finding
// that key is a walk of the index (LIMIT 1 OFFSET n, key columns only); the
// keys found are kept, per list (filters and sort), until any connection
// commits, so the next deep page walks only from the nearest known key
// (a jump to page 10,000, then its neighbours: one walk, then short ones).
// The same stamp as the count cache (lib/db/raw/commit-cache).

interface Point { rank: number; key: CursorValue[] }

const MAX_LISTS = 200;
const MAX_POINTS = 1_000;
let stamp = "";
let lists = new Map<string, Point[]>();

function pointsOf(list: string, now: string): Point[] {
  if (now !== stamp || lists.size > MAX_LISTS) {
    stamp = now;
    lists = new Map();
  }
  let points = lists.get(list);
  if (!points) lists.set(list, (points = []));
  return points;
}

/**
 * The known boundaries of one list as of now. `remember` keeps a key only
 * if nothing was committed since `boundaries` was called, so a walk that
 * raced a write is not kept.
 */
export async function boundaries(list: string) {
  const seen = await dataVersion();
  return {
    /** The known key nearest at or before `rank` (0-based), if any. */
    nearest(rank: number): Point | undefined {
      let best: Point | undefined;
      for (const p of pointsOf(list, seen)) if (p.rank <= rank && (!best || p.rank > best.rank)) best = p;
      return best;
    },
    async remember(point: Point): Promise<void> {
      if ((await dataVersion()) !== seen) return;
      const points = pointsOf(list, seen);
      if (points.length >= MAX_POINTS) points.shift();
      if (!points.some((p) => p.rank === point.rank)) points.push(point);
    },
  };
}
