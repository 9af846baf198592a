import { describe, expect, it } from "vitest";
import { compactCount, exactCount, formatCount } from "@/components/ui/format-count";

describe("formatCount", () => {
  it("shows ordinary counts grouped, with nothing beside them", () => {
    expect(formatCount(254)).toBe("254");
    expect(formatCount("16777214")).toBe("16,777,214");
    expect(formatCount(2n ** 32n)).toBe("4,294,967,296");
    expect(formatCount(10n ** 15n - 1n)).toBe("999,999,999,999,999");
  });

  it("shows IPv6-sized counts exactly, with a power of two beside them when they are one", () => {
    expect(formatCount((2n ** 80n).toString())).toBe("2^80 (1,208,925,819,614,629,174,706,176)");
    expect(formatCount(2n ** 64n)).toBe("2^64 (18,446,744,073,709,551,616)");
    expect(formatCount(2n ** 128n)).toBe(`2^128 (${exactCount(2n ** 128n)})`);
  });

  it("gives the order of magnitude beside the other big counts", () => {
    expect(compactCount(2n ** 64n - 3n * 2n ** 60n)).toBe("≈ 1.50 × 10^19");
    expect(formatCount(10n ** 24n + 7n)).toBe("≈ 1.00 × 10^24 (1,000,000,000,000,000,000,000,007)");
    expect(compactCount(10n ** 15n)).toBe("≈ 1.00 × 10^15");
    expect(compactCount(10n ** 15n - 1n)).toBeNull();
    expect(compactCount(9996n * 10n ** 17n)).toBe("≈ 1.00 × 10^21");
  });

  it("says how far under a power of two a count is when that is a little", () => {
    expect(formatCount(2n ** 64n - 1n)).toBe("2^64 − 1 (18,446,744,073,709,551,615)");
    expect(compactCount(2n ** 128n - 256n)).toBe("2^128 − 256");
    expect(compactCount(2n ** 128n - 257n)).toBe("≈ 3.40 × 10^38");
  });

  it("never loses a digit", () => {
    for (const n of [2n ** 53n + 1n, 2n ** 127n + 12345n, 2n ** 128n - 1n]) {
      expect(exactCount(n).replaceAll(",", "")).toBe(n.toString());
      expect(formatCount(n)).toContain(exactCount(n));
    }
  });
});
