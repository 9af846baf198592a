import { describe, expect, it } from "vitest";
import { descriptionField } from "@/lib/schemas/fields";
import { allocateSchema, hostSchema } from "@/lib/schemas/host";
import { networkSchema } from "@/lib/schemas/network";

// Descriptions are free text, as in the original (a textarea): several lines
// and tabs are fine; other control characters are refused.

const parse = (value: unknown) => descriptionField.safeParse(value);
const message = (value: unknown) => parse(value).error?.issues[0].message;

describe("descriptionField", () => {
  it.each([
    ["one line", "one line"],
    ["rack 4\nport 12", "rack 4\nport 12"],
    ["name:\tweb", "name:\tweb"],
    ["Ünïcødé «quotes» 名前", "Ünïcødé «quotes» 名前"],
    ["  padded\n", "padded"],
  ])("keeps %j", (value, stored) => {
    expect(parse(value).data).toBe(stored);
  });

  it.each([
    ["a\r\nb", "a\nb"], // how browsers submit a textarea
    ["a\rb", "a\nb"],
    ["a\u2028b\u2029c\u0085d", "a\nb\nc\nd"],
    ["a\r\n\r\nb", "a\n\nb"],
  ])("stores every line break of %j as \\n", (value, stored) => {
    expect(parse(value).data).toBe(stored);
  });

  it.each([["", null], ["  \r\n ", null], [null, null], [undefined, undefined]])("%j means no description", (value, stored) => {
    expect(parse(value)).toEqual({ success: true, data: stored });
  });

  it.each([
    ["NUL", "a\u0000b"], ["BEL", "a\u0007b"], ["ESC", "a\u001b[31mred"], ["vertical tab", "a\u000bb"], ["form feed", "a\u000cb"],
    ["DEL", "a\u007fb"], ["C1 CSI", "a\u009b31m"],
  ])("refuses %s", (_, value) => {
    expect(message(value)).toBe("Description may contain line breaks and tabs but no other control characters");
  });

  it("counts length after normalizing, and refuses non-text", () => {
    expect(parse(`${"x".repeat(999)}\r\n`).data).toHaveLength(999);
    expect(message("x".repeat(1001))).toBe("Description must be at most 1000 characters");
    expect(message(12)).toBe("Description must be text");
  });
});

describe("every entry point takes multi-line descriptions", () => {
  const text = "line one\r\nline two\ttabbed";
  it("host (API, forms, import), allocate and network schemas", () => {
    expect(hostSchema.parse({ ip_address: "10.0.0.1", description: text }).description).toBe("line one\nline two\ttabbed");
    expect(allocateSchema.parse({ description: text }).description).toBe("line one\nline two\ttabbed");
    expect(networkSchema.parse({ network: "10.0.0.0/24", description: text }).description).toBe("line one\nline two\ttabbed");
    expect(hostSchema.safeParse({ ip_address: "10.0.0.1", description: "a\u0000" }).success).toBe(false);
  });

  it("single-line fields still refuse line breaks", () => {
    expect(hostSchema.safeParse({ ip_address: "10.0.0.1", discovery_source: "a\nb" }).success).toBe(false);
    expect(networkSchema.safeParse({ network: "10.0.0.0/24", name: "a\nb" }).success).toBe(false);
  });
});
