import "server-only";
import { addCounterHits } from "@/lib/db/raw";
import type { RateLimitResult } from "./hit";
import { purgeEndedRateLimitsNowAndThen } from "./purge-ended-rate-limits";

// A fixed-window counter decided in this process and written to the
// database in batches, for limits checked on every request (the API's).
// Writing each hit would make every request a commit, which empties the
// read caches keyed on dataVersion() (lib/db/raw/commit-cache.ts) and, on
// SQLite, makes the request wait behind any long write transaction.
//
// Per key it keeps the window the database gave, the count the database
// returned at the last flush (every instance's hits), and the hits admitted
// here since. A hit is decided from their sum at once; the pending hits go
// to the database in ONE atomic add-and-return (lib/db/raw addCounterHits)
// in the background: at most once per flush interval per key, sooner when
// a FLUSH_SHARE of the limit is pending, never two at once for one key.
//
// The bound: within one process the limit is exact (every admitted hit is
// counted before the next is decided, and the database's count includes
// all of this process's flushed hits). An instance learns the others' hits
// only from its own flushes, so its view lags by the calls the others made
// since: at most about one flush interval plus one flush's round trip of
// their calls (a flush starts on a hit once the interval is up, or once
// FLUSH_SHARE of the limit is pending; an instance that was idle, or just
// started, decides its first calls of a window before its first flush has
// answered). So n instances together admit at most
//   limit + n × (the calls one instance takes in one interval + one round trip)
// e.g. 3 instances each taking 50 calls/s at the default 1 s: limit + ~150.
// docs/api.md says the same.

/** Pending hits that trigger a flush before the interval is up, as a share of the limit. */
export const FLUSH_SHARE = 1 / 20;

export interface BatchedHitOptions {
  /** Hits allowed per window (≥ 1). */
  limit: number;
  windowMs: number;
  /** A key's pending hits are written at most this often (unless FLUSH_SHARE of the limit is pending). */
  flushIntervalMs: number;
}

interface KeyState {
  /** Bumped when the window ends, so a flush of the old window does not touch the new one. */
  epoch: number;
  /** The database's window end once a flush answered; until then this process's guess. */
  windowEndsAt: number;
  windowMs: number;
  flushIntervalMs: number;
  /** Pending hits that start a flush before the interval is up. */
  threshold: number;
  /** The database's count at the last flush: this process's flushed hits and every other instance's. */
  stored: number;
  /** Hits in the flush under way (not in `stored` yet). */
  sending: number;
  /** Hits admitted here and not yet sent. */
  pending: number;
  lastFlushAt: number;
  /** No flush before this (after a failed one: wait an interval, do not hammer a database that is down). */
  notBefore: number;
  flight: Promise<void> | null;
  timer: NodeJS.Timeout | null;
}

/** Keys kept before the states of ended windows are dropped (a process sees few tokens and users). */
const MAX_KEYS = 10_000;

/** Whether a failed flush has been logged since the last one that worked (one line per outage). */
let failureLogged = false;

export class BatchedCounter {
  private readonly keys = new Map<string, KeyState>();

  /** Counts one hit on `key` if the limit allows it, without waiting for the database. */
  hit(key: string, { limit, windowMs, flushIntervalMs }: BatchedHitOptions, now = Date.now()): RateLimitResult {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`Rate limit for ${key} must be a whole number ≥ 1`);
    const state = this.stateFor(key, windowMs, now);
    state.flushIntervalMs = flushIntervalMs;
    state.threshold = Math.max(1, Math.floor(limit * FLUSH_SHARE));
    const used = state.stored + state.sending + state.pending;
    // Refused hits are not counted: they use no budget, and a caller over its limit then causes no writes.
    const allowed = used < limit;
    if (allowed) state.pending += 1;
    const hits = allowed ? used + 1 : used;
    this.schedule(key, state, now);
    return {
      allowed,
      hits,
      limit,
      remaining: Math.max(0, limit - hits),
      resetAt: new Date(state.windowEndsAt),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.min(Math.ceil((state.windowEndsAt - now) / 1000), Math.ceil(windowMs / 1000))),
    };
  }

  /** Sends every pending hit now and waits for it (tests; a shutdown that wants nothing lost). */
  async flushAll(): Promise<void> {
    for (const [key, state] of this.keys) {
      await state.flight;
      state.notBefore = 0;
      this.flush(key, state);
      await state.flight;
    }
  }

  /** The key's state for the window `now` is in: a new one (nothing known) once the old window has ended. */
  private stateFor(key: string, windowMs: number, now: number): KeyState {
    const state = this.keys.get(key);
    if (state && now < state.windowEndsAt) return state;
    if (!state && this.keys.size >= MAX_KEYS) this.forgetEnded(now);
    if (state?.timer) clearTimeout(state.timer);
    // The same object, so a flush still under way stays the only one for the key.
    const fresh: KeyState = {
      epoch: (state?.epoch ?? 0) + 1,
      windowEndsAt: now + windowMs,
      windowMs,
      flushIntervalMs: 0,
      threshold: 1,
      stored: 0,
      sending: 0,
      pending: 0,
      lastFlushAt: 0,
      notBefore: 0,
      flight: state?.flight ?? null,
      timer: null,
    };
    if (state) Object.assign(state, fresh);
    else this.keys.set(key, fresh);
    return state ?? fresh;
  }

  /** Drops the states of ended windows with nothing under way (they would start afresh anyway). */
  private forgetEnded(now: number): void {
    for (const [key, state] of this.keys) if (now >= state.windowEndsAt && !state.flight) this.keys.delete(key);
  }

  /** Starts a flush now if one is due (first hit of a window, the interval is up, or enough pending), else sets a timer for when it is. */
  private schedule(key: string, state: KeyState, now: number): void {
    if (state.pending === 0 || state.flight) return;
    const due = Math.max(state.lastFlushAt + state.flushIntervalMs, state.notBefore);
    const early = state.pending >= state.threshold && now >= state.notBefore;
    if (state.lastFlushAt === 0 || early || now >= due) {
      this.flush(key, state);
    } else if (!state.timer) {
      // unref: a pending flush never keeps the process alive (it loses at most one interval's hits).
      state.timer = setTimeout(() => {
        state.timer = null;
        this.flush(key, state);
      }, due - now).unref();
    }
  }

  private flush(key: string, state: KeyState): void {
    if (state.pending === 0 || state.flight) return;
    if (state.timer) clearTimeout(state.timer);
    state.timer = null;
    const now = Date.now();
    // Hits of an ended window are no use to anyone (the next hit starts a new state).
    if (now >= state.windowEndsAt) return;
    const { epoch } = state;
    const count = state.pending;
    state.pending = 0;
    state.sending = count;
    state.lastFlushAt = now;
    state.flight = addCounterHits(key, count, state.windowMs, now).then(
      (row) => {
        failureLogged = false;
        if (state.epoch !== epoch) return;
        state.stored = row.hits;
        state.windowEndsAt = row.windowEndsAt;
        state.sending = 0;
      },
      (error: unknown) => {
        if (!failureLogged) {
          failureLogged = true;
          console.error(`API rate limit: cannot write counters (${(error as Error)?.message ?? error}); counting in this process only until the database answers`);
        }
        if (state.epoch !== epoch) return;
        state.pending += count;
        state.sending = 0;
        state.notBefore = Date.now() + state.flushIntervalMs;
      },
    ).finally(() => {
      state.flight = null;
      if (this.keys.get(key) === state) this.schedule(key, state, Date.now());
    });
    purgeEndedRateLimitsNowAndThen(now);
  }
}
