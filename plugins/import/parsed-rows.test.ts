import { describe, expect, it } from "vitest";
import { ParsedRows } from "@/plugins/import/parsed-rows";

describe("ParsedRows", () => {
  const row = (i: number) => ({ key: `k${i}`, row: i + 2, data: { seen: new Date(Date.UTC(2026, 0, 1 + i)), name: i % 2 ? null : `h${i}`, gone: undefined } });

  it("hands the rows back in order, chunk by chunk, as they were (dates, nulls and undefined included)", () => {
    const rows = new ParsedRows<ReturnType<typeof row>>(3);
    for (let i = 0; i < 8; i++) rows.push(row(i));
    expect(rows.length).toBe(8);
    expect(rows.takeKeys()).toEqual(["k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7"]);
    const chunks = [...rows.takeChunks()];
    expect(chunks.map((c) => c.length)).toEqual([3, 3, 2]);
    expect(chunks.flat()).toEqual(Array.from({ length: 8 }, (_, i) => row(i)));
    expect(chunks.flat()[4].data.seen).toBeInstanceOf(Date);
    // Taken once: nothing is held afterwards.
    expect([...rows.takeChunks()]).toEqual([]);
  });

  it("takeAll gives every row at once, in order", () => {
    const rows = new ParsedRows<ReturnType<typeof row>>(2);
    for (let i = 0; i < 5; i++) rows.push(row(i));
    expect(rows.takeAll()).toEqual(Array.from({ length: 5 }, (_, i) => row(i)));
  });
});
