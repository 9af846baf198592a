import { describe, expect, it } from "vitest";
import { stringKey } from "@/plugins/export/first-owners";
import { LabelLog } from "@/plugins/export/label-log";

// The sorted log finds exactly the hosts a map of label → hosts would call
// shared (hash collisions aside, none among these labels), past its growth points.

describe("LabelLog", () => {
  it("marks every host whose label another host has, and no other", () => {
    const log = new LabelLog();
    const holders = new Map<string, Set<number>>();
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let ordinal = 0; ordinal < 60_000; ordinal++) {
      // Mostly unique labels, some drawn from a small pool so they repeat.
      const labels = new Set([next() % 10 === 0 ? `shared${next() % 500}` : `h${ordinal}`, ...(next() % 7 === 0 ? [`alias${next() % 90_000}`] : [])]);
      for (const label of labels) {
        log.add(stringKey(label), ordinal);
        holders.set(label, (holders.get(label) ?? new Set()).add(ordinal));
      }
    }
    const expected = new Set<number>();
    for (const ids of holders.values()) if (ids.size > 1) for (const id of ids) expected.add(id);
    const found = new Set<number>();
    log.sharedInto(found);
    expect([...found].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
  });
});
