import { describe, expect, it } from "vitest";
import { exactCount, formatCount } from "@/components/ui/format-count";

describe("formatCount", () => {
  it("groups ordinary counts and shortens IPv6-sized ones", () => {
    expect(formatCount(254)).toBe("254");
    expect(formatCount("16777214")).toBe("16,777,214");
    expect(formatCount((2n ** 64n).toString())).toBe("2^64");
    expect(formatCount((2n ** 64n - 1n).toString())).toBe("1.84e19");
  });

  it("keeps the exact value for tooltips", () => {
    expect(exactCount((2n ** 80n).toString())).toBe("1,208,925,819,614,629,174,706,176");
  });
});
