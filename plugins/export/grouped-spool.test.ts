import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GroupedSpool, splitLines } from "@/plugins/export/grouped-spool";

// Lines sorted into groups on disk come back per group in the order they were
// appended, whatever the flush points (many runs a group) and chunk sizes.

async function linesOf(spool: GroupedSpool, key: string): Promise<string[]> {
  const out: string[] = [];
  for await (const lines of spool.lines(key)) out.push(...lines);
  return out;
}

describe("GroupedSpool", () => {
  it("gives each group its lines in order, across any number of runs", async () => {
    const entry = fc.tuple(fc.constantFrom("a", "b", "r:1", "n:22"), fc.stringMatching(/^[ -~]{0,30}$/));
    await fc.assert(fc.asyncProperty(fc.array(entry, { maxLength: 300 }), fc.integer({ min: 1, max: 200 }), async (entries, flushAt) => {
      const spool = new GroupedSpool(flushAt);
      try {
        const expected = new Map<string, string[]>();
        for (const [key, line] of entries) {
          spool.append(key, line);
          expected.set(key, [...(expected.get(key) ?? []), line]);
        }
        for (const key of ["a", "b", "r:1", "n:22", "none"]) {
          expect(await linesOf(spool, key)).toEqual(expected.get(key) ?? []);
          expect(spool.count(key)).toBe(expected.get(key)?.length ?? 0);
        }
      } finally {
        spool.close();
      }
    }), { numRuns: 100 });
  });

  it("splitLines joins lines cut across chunks, text and bytes alike", async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.stringMatching(/^[ -~]{0,12}$/), { maxLength: 30 }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1 }), async (lines, cuts) => {
      const text = lines.map((l) => `${l}\n`).join("");
      const chunks: Array<string | Uint8Array> = [];
      for (let at = 0, i = 0; at < text.length; i++) {
        const piece = text.slice(at, at + cuts[i % cuts.length]);
        chunks.push(i % 2 ? Buffer.from(piece, "latin1") : piece);
        at += piece.length;
      }
      const out: string[] = [];
      for await (const part of splitLines((async function* () { yield* chunks; })())) out.push(...part);
      expect(out).toEqual(lines);
    }), { numRuns: 200 });
  });
});
