// When group commit (./allocate-ip.ts) stops waiting for more calls and
// starts a batch. Pure: the queue, the clock and the last batch are given.
//
// A batch waits, one event-loop turn at a time, for GATHER_MS at most and
// never past GATHER_CALLS queued calls, while any of these holds:
// - the queue grew in the last turn, or API requests are still being
//   prepared (authenticated, parsed): likely more allocations;
// - the callers of the batch that just ended have not all come back.
//   Clients that allocate in a loop send their next call as soon as they
//   have their answer. Without this, calls that queued during a batch start
//   the next one at once, and the clients just answered queue behind it:
//   8 such clients settle into two alternating batches of 4, paying two
//   transactions where one would do, and on PostgreSQL a batch's cost is
//   its ~11 round trips whatever its size. A caller that does not come back
//   costs the wait once: the batch after that expects one caller fewer.
//   A lone client comes back before its next batch starts, so it never waits.

/** The longest a batch waits for more calls. */
export const GATHER_MS = 3;
/** The queue length that starts a batch at once. */
export const GATHER_CALLS = 64;
/** Past this long after a batch ended, its callers are no longer expected back. */
export const RETURN_WINDOW_MS = 10;

/** The batch that ended last in a network: how many calls it answered, and when. */
export interface EndedBatch {
  calls: number;
  endedAt: number;
}

export interface GatherState {
  /** performance.now() of every call waiting, in queue order. */
  queuedAt: readonly number[];
  /** The queue's length one turn ago. */
  lengthBefore: number;
  /** API requests accepted and not yet at their handler. */
  preparing: number;
  startedAt: number;
  now: number;
  lastBatch: EndedBatch | undefined;
}

/** True: wait one more event-loop turn before starting the batch. */
export function keepGathering(s: GatherState): boolean {
  if (s.queuedAt.length >= GATHER_CALLS || s.now - s.startedAt > GATHER_MS) return false;
  if (s.queuedAt.length !== s.lengthBefore || s.preparing > 0) return true;
  const last = s.lastBatch;
  if (!last || s.startedAt - last.endedAt > RETURN_WINDOW_MS) return false;
  const cameBack = s.queuedAt.filter((at) => at >= last.endedAt).length;
  return cameBack < last.calls;
}
