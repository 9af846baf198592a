import { describe, expect, it } from "vitest";
import { pageNumbers } from "@/components/tables/page-numbers";

describe("pageNumbers", () => {
  it("shows every page of a short list", () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(1, 0)).toEqual([1]);
    expect(pageNumbers(2, 4)).toEqual([1, 2, 3, 4]);
  });

  it("keeps the first, last, current and neighbours, with gaps between", () => {
    expect(pageNumbers(1, 20)).toEqual([1, 2, "gap", 20]);
    expect(pageNumbers(10, 20)).toEqual([1, "gap", 9, 10, 11, "gap", 20]);
    expect(pageNumbers(20, 20)).toEqual([1, "gap", 19, 20]);
    expect(pageNumbers(10_000, 20_000)).toEqual([1, "gap", 9_999, 10_000, 10_001, "gap", 20_000]);
  });

  it("never hides a single number behind a gap", () => {
    expect(pageNumbers(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pageNumbers(3, 20)).toEqual([1, 2, 3, 4, "gap", 20]);
  });
});
