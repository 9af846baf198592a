import { describe, expect, it } from "vitest";
import { defaultSubnetLength } from "./default-subnet-length";

describe("defaultSubnetLength", () => {
  it("splits IPv4 at the next octet boundary below /24, then into quarters", () => {
    const cases: Array<[number, number | null]> = [
      [0, 8], [8, 16], [12, 16], [15, 16], [16, 24], [20, 24], [23, 24],
      [24, 26], [25, 27], [28, 30], [30, 32], [31, 32], [32, null],
    ];
    for (const [length, expected] of cases) expect(defaultSubnetLength(4, length), `/${length}`).toBe(expected);
  });

  it("splits IPv6 into /32, /48 and /64, then at the next nibble", () => {
    const cases: Array<[number, number | null]> = [
      [0, 32], [16, 32], [29, 32], [32, 48], [40, 48], [44, 48], [48, 64], [56, 64], [60, 64], [63, 64],
      [64, 68], [66, 68], [68, 72], [120, 124], [125, 128], [127, 128], [128, null],
    ];
    for (const [length, expected] of cases) expect(defaultSubnetLength(6, length), `/${length}`).toBe(expected);
  });

  it("always suggests a longer prefix within the family", () => {
    for (const family of [4, 6] as const) {
      const max = family === 4 ? 32 : 128;
      for (let length = 0; length < max; length++) {
        const next = defaultSubnetLength(family, length)!;
        expect(next).toBeGreaterThan(length);
        expect(next).toBeLessThanOrEqual(max);
      }
    }
  });

  it("refuses a length outside the family", () => {
    expect(() => defaultSubnetLength(4, 33)).toThrow(/0-32/);
    expect(() => defaultSubnetLength(6, -1)).toThrow(/0-128/);
    expect(() => defaultSubnetLength(4, 1.5)).toThrow();
  });
});
