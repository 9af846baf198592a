import fc from "fast-check";
import { Address4 } from "ip-address";
import { describe, expect, it } from "vitest";
import { parseAddress, tryParseAddress } from "@/lib/ipam";

// parseAddress reads canonical dotted quads without ip-address (the import's
// hot path); the value must be exactly what ip-address gives, and anything
// else must still go the strict way.
describe("parseAddress fast path for a.b.c.d", () => {
  it("gives ip-address's value for every canonical dotted quad", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }), (octets) => {
      const text = octets.join(".");
      expect(parseAddress(text)).toEqual({ family: 4, value: new Address4(text).bigInt() });
    }));
  });
  it("still refuses what is not canonical", () => {
    for (const text of ["01.2.3.4", "1.2.3.256", "1.2.3", "1.2.3.4.5", "1..2.3", "0x1.2.3.4", "1.2.3.-4", "١.2.3.4"]) expect(tryParseAddress(text)).toBeNull();
  });
});
