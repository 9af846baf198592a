import "server-only";
import { getDb } from "@/lib/db/client";
import { pgPool } from "@/lib/db/pg-pool";
import { Prisma } from "@/lib/generated/prisma/client";
import { onPostgres } from "./dialect";

// The rate_limits counters: fixed windows, times in epoch milliseconds.
// Each counter changes in ONE statement (INSERT … ON CONFLICT DO UPDATE …
// RETURNING, SQLite ≥ 3.35 and PostgreSQL), so concurrent requests, in this
// process or in other instances on the same database, never lose a hit and
// never both see the last free slot: the database serializes them per row.
//
// Outside any transaction, always: on PostgreSQL straight on the pool (an
// autocommit statement, without Prisma's per-query overhead, as the raw
// reads do); on SQLite through the Prisma client, whose one-writer queue
// keeps the statement out of another caller's open transaction (a second
// write connection would wait for the file lock synchronously, freezing the
// event loop while that transaction wants to finish).

export interface CounterRow {
  hits: number;
  windowEndsAt: number;
  blockedUntil: number;
}

export interface HitSpec {
  limit: number;
  windowMs: number;
  /** Set blocked_until = now + blockMs when this hit goes over `limit`; 0 for none. */
  blockMs: number;
  now: number;
}

// Epoch milliseconds pass 2^31: cast so PostgreSQL compares bigints and
// SQLite (whose driver binds a JS number as a REAL) stores integers.
const ms = (value: number) => Prisma.sql`CAST(${Math.trunc(value)} AS BIGINT)`;

/**
 * One hit, in one statement. A blocked counter is left as it is (a refused
 * attempt does not lengthen its own lock-out); an ended window starts again
 * at 1; otherwise hits + 1, and going over `limit` with blockMs set blocks
 * until now + blockMs. In DO UPDATE every rate_limits.* is the row before
 * this statement, so the three CASEs agree on which branch applies.
 */
function hitStatement(key: string, { limit, windowMs, blockMs, now }: HitSpec): Prisma.Sql {
  const blocked = Prisma.sql`rate_limits.blocked_until > ${ms(now)}`;
  const ended = Prisma.sql`rate_limits.window_ends_at <= ${ms(now)}`;
  const block = blockMs > 0
    ? Prisma.sql`WHEN rate_limits.hits + 1 > CAST(${limit} AS INTEGER) THEN ${ms(now + blockMs)}`
    : Prisma.empty;
  return Prisma.sql`
    INSERT INTO rate_limits ("key", hits, window_ends_at, blocked_until)
    VALUES (${key}, 1, ${ms(now + windowMs)}, 0)
    ON CONFLICT ("key") DO UPDATE SET
      hits = CASE WHEN ${blocked} THEN rate_limits.hits WHEN ${ended} THEN 1 ELSE rate_limits.hits + 1 END,
      window_ends_at = CASE WHEN ${blocked} THEN rate_limits.window_ends_at WHEN ${ended} THEN ${ms(now + windowMs)} ELSE rate_limits.window_ends_at END,
      blocked_until = CASE WHEN ${blocked} OR ${ended} THEN rate_limits.blocked_until ${block} ELSE rate_limits.blocked_until END
    RETURNING hits, window_ends_at, blocked_until`;
}

async function run(sql: Prisma.Sql): Promise<Record<string, unknown>[]> {
  if (onPostgres()) return (await pgPool().query({ text: sql.text, values: sql.values })).rows;
  return getDb().$queryRaw<Record<string, unknown>[]>(sql);
}

/** Runs a statement that returns no rows; resolves to the number of rows it changed. */
async function exec(sql: Prisma.Sql): Promise<number> {
  if (onPostgres()) return (await pgPool().query({ text: sql.text, values: sql.values })).rowCount ?? 0;
  return getDb().$executeRaw(sql);
}

/** Counts one hit on `key` and returns the counter as it now stands. */
export async function hitCounter(key: string, spec: HitSpec): Promise<CounterRow> {
  const [row] = await run(hitStatement(key, spec));
  // int8 arrives as text from pg and as a bigint from SQLite.
  return { hits: Number(row.hits), windowEndsAt: Number(row.window_ends_at), blockedUntil: Number(row.blocked_until) };
}

/**
 * Adds `hits` (≥ 1) to `key` in one statement and returns the counter as it
 * now stands, other instances' hits included: the batched API limiter's
 * flush. An ended window starts again at `hits`; blocked_until is never
 * touched (the API limit has no lock-out).
 */
export async function addCounterHits(key: string, hits: number, windowMs: number, now: number): Promise<Pick<CounterRow, "hits" | "windowEndsAt">> {
  const ended = Prisma.sql`rate_limits.window_ends_at <= ${ms(now)}`;
  const [row] = await run(Prisma.sql`
    INSERT INTO rate_limits ("key", hits, window_ends_at, blocked_until)
    VALUES (${key}, CAST(${hits} AS INTEGER), ${ms(now + windowMs)}, 0)
    ON CONFLICT ("key") DO UPDATE SET
      hits = CASE WHEN ${ended} THEN excluded.hits ELSE rate_limits.hits + excluded.hits END,
      window_ends_at = CASE WHEN ${ended} THEN excluded.window_ends_at ELSE rate_limits.window_ends_at END
    RETURNING hits, window_ends_at`);
  return { hits: Number(row.hits), windowEndsAt: Number(row.window_ends_at) };
}

/** Takes one hit back, only within the window that is still running (an ended one restarts at 1 anyway). */
export async function refundCounter(key: string, now: number): Promise<void> {
  await exec(Prisma.sql`
    UPDATE rate_limits SET hits = hits - 1
    WHERE "key" = ${key} AND hits > 0 AND window_ends_at > ${ms(now)}`);
}

/** Forgets `key` entirely: its hits and any lock-out. */
export async function deleteCounter(key: string): Promise<void> {
  await exec(Prisma.sql`DELETE FROM rate_limits WHERE "key" = ${key}`);
}

/** Deletes counters whose window and lock-out have both ended (they would restart at 1 anyway); returns how many. */
export async function deleteEndedCounters(now: number): Promise<number> {
  return exec(Prisma.sql`DELETE FROM rate_limits WHERE window_ends_at <= ${ms(now)} AND blocked_until <= ${ms(now)}`);
}
