import { describe, expect, it } from "vitest";
import { addressMapCellStyles, addressStateStyles } from "@/components/networks/address-states";
import { addressStateNames } from "@/lib/ipam/states";

describe("address state colours", () => {
  it("the map's cells use exactly the legend's classes for every state", () => {
    // Tailwind reads "_" in an arbitrary value as a space: the underscore is escaped.
    const expected = addressStateNames.flatMap((state) =>
      addressStateStyles[state].className.split(" ").map((cls) => `**:data-[state=${state.replace("_", String.raw`\_`)}]:${cls}`),
    );
    expect(addressMapCellStyles.split(" ").sort()).toEqual(expected.sort());
  });

  it("states that can sit side by side never share a look", () => {
    // The network and broadcast addresses are the two ends: never adjacent to each other.
    const looks = addressStateNames.filter((s) => s !== "broadcast_address").map((s) => addressStateStyles[s].className);
    expect(new Set(looks).size).toBe(looks.length);
  });
});
