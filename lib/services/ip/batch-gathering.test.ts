import { describe, expect, it } from "vitest";
import { GATHER_CALLS, GATHER_MS, keepGathering, RETURN_WINDOW_MS, type GatherState } from "@/lib/services/ip/batch-gathering";

// Times are performance.now() milliseconds; a batch ended at 100.
const ended = { calls: 4, endedAt: 100 };

function state(over: Partial<GatherState>): GatherState {
  return { queuedAt: [], lengthBefore: 0, preparing: 0, startedAt: 100.2, now: 100.3, lastBatch: undefined, ...over };
}

describe("keepGathering", () => {
  it("waits a turn after the queue grew or while requests are being prepared", () => {
    expect(keepGathering(state({ queuedAt: [100.1], lengthBefore: -1 }))).toBe(true);
    expect(keepGathering(state({ queuedAt: [100.1], lengthBefore: 1, preparing: 2 }))).toBe(true);
    expect(keepGathering(state({ queuedAt: [100.1], lengthBefore: 1 }))).toBe(false);
  });

  it("waits for the callers of the batch that just ended, until they are all back", () => {
    // Four calls queued while that batch ran: its four callers are still to come back.
    const waiting = [99, 99.1, 99.2, 99.3];
    expect(keepGathering(state({ queuedAt: waiting, lengthBefore: 4, lastBatch: ended }))).toBe(true);
    expect(keepGathering(state({ queuedAt: [...waiting, 100.4, 100.5, 100.6], lengthBefore: 7, lastBatch: ended }))).toBe(true);
    expect(keepGathering(state({ queuedAt: [...waiting, 100.4, 100.5, 100.6, 100.7], lengthBefore: 8, lastBatch: ended }))).toBe(false);
  });

  it("never waits for a lone client: its next call is already back", () => {
    expect(keepGathering(state({ queuedAt: [100.1], lengthBefore: 1, lastBatch: { calls: 1, endedAt: 100 } }))).toBe(false);
  });

  it("stops waiting after GATHER_MS, at GATHER_CALLS queued calls, and for a batch that ended long ago", () => {
    const waiting = [99, 99.1];
    expect(keepGathering(state({ queuedAt: waiting, lengthBefore: 2, lastBatch: ended, now: 100.2 + GATHER_MS + 0.1 }))).toBe(false);
    const full = Array.from({ length: GATHER_CALLS }, (_, i) => 99 + i / 100);
    expect(keepGathering(state({ queuedAt: full, lengthBefore: -1, lastBatch: { calls: 100, endedAt: 100 } }))).toBe(false);
    const old = { calls: 4, endedAt: 100.2 - RETURN_WINDOW_MS - 1 };
    expect(keepGathering(state({ queuedAt: waiting, lengthBefore: 2, lastBatch: old }))).toBe(false);
  });
});
