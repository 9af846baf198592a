import { describe, expect, it } from "vitest";
import { cellAfterKey } from "@/components/networks/address-map-keys";

// A /24: 256 cells, 16 to a row.
const move = (key: string, index: number, ctrl = false, count = 256) => cellAfterKey(key, ctrl, index, count);

describe("address map keys", () => {
  it("arrows move one cell and stop at the edges of a row and of the map", () => {
    expect(move("ArrowRight", 17)).toBe(18);
    expect(move("ArrowRight", 31)).toBe(31);
    expect(move("ArrowLeft", 32)).toBe(32);
    expect(move("ArrowLeft", 33)).toBe(32);
    expect(move("ArrowDown", 5)).toBe(21);
    expect(move("ArrowDown", 245)).toBe(245);
    expect(move("ArrowUp", 21)).toBe(5);
    expect(move("ArrowUp", 5)).toBe(5);
  });

  it("Home/End go to the row's ends, with Ctrl to the map's", () => {
    expect(move("Home", 40)).toBe(32);
    expect(move("End", 40)).toBe(47);
    expect(move("Home", 40, true)).toBe(0);
    expect(move("End", 40, true)).toBe(255);
  });

  it("PageUp/PageDown move four rows in the same column, stopping at the first and last row", () => {
    expect(move("PageDown", 3)).toBe(67);
    expect(move("PageDown", 200)).toBe(248);
    expect(move("PageUp", 67)).toBe(3);
    expect(move("PageUp", 40)).toBe(8);
    // A /22: rows run on across its /24 blocks.
    expect(move("PageDown", 250, false, 1024)).toBe(314);
    expect(move("ArrowDown", 250, false, 1024)).toBe(266);
  });

  it("a map smaller than a row is one row", () => {
    expect(move("ArrowRight", 7, false, 8)).toBe(7);
    expect(move("End", 2, false, 8)).toBe(7);
    expect(move("ArrowDown", 2, false, 8)).toBe(2);
    expect(move("PageDown", 2, false, 8)).toBe(2);
    expect(move("End", 0, true, 1)).toBe(0);
  });

  it("other keys are left to the browser", () => {
    expect(move("Enter", 3)).toBeNull();
    expect(move("Tab", 3)).toBeNull();
    expect(move("a", 3)).toBeNull();
  });
});
