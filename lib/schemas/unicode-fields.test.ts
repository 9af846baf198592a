import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { createApiTokenSchema } from "@/lib/schemas/api-token";
import { cnameField, descriptionField, domainField, hostnameField, optionalText } from "@/lib/schemas/fields";
import { hostSchema } from "@/lib/schemas/host";
import { networkSchema } from "@/lib/schemas/network";
import { createUserSchema } from "@/lib/schemas/user";

const firstIssue = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  expect(result.success, `${JSON.stringify(value)} should be rejected`).toBe(false);
  return result.error!.issues[0];
};

const HIDDEN = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"];
const LONE = ["\uD800", "\uDBFF", "\uDC00", "\uDFFF"];

describe("lone UTF-16 surrogates", () => {
  it.each(LONE)("are refused in single-line text, descriptions and names (%j)", (half) => {
    expect(firstIssue(optionalText("Location", 200), `rack${half}1`).message).toContain("broken character");
    expect(firstIssue(descriptionField, `a ${half} b`).message).toContain("broken character");
    expect(firstIssue(hostnameField, `web${half}`).message).toContain("broken character");
  });
  it("a whole surrogate pair (an emoji) is still text", () => {
    expect(descriptionField.parse("backup \uD83D\uDCBE")).toBe("backup \uD83D\uDCBE");
    expect(optionalText("Location", 200).parse("\uD83C\uDFE2 HQ")).toBe("\uD83C\uDFE2 HQ");
  });
});

describe("zero-width and bidi-control characters", () => {
  it.each(HIDDEN.map((c) => [`U+${c.charCodeAt(0).toString(16).toUpperCase()}`, c]))("%s is refused in names", (_code, c) => {
    for (const schema of [hostnameField, cnameField, domainField]) {
      expect(firstIssue(schema, `web${c}1`).message).toContain("invisible or text-direction");
    }
    const network = firstIssue(networkSchema, { network: "10.0.0.0/24", name: `off${c}ice` });
    expect(network.path).toEqual(["name"]);
    expect(network.message).toContain("invisible or text-direction");
    expect(firstIssue(createApiTokenSchema, { name: `c${c}i`, role: "viewer" }).path).toEqual(["name"]);
    expect(firstIssue(createUserSchema, { email: "a@example.com", name: `An${c}n`, password: "x".repeat(12) }).path).toEqual(["name"]);
  });
  it.each(HIDDEN.map((c) => [`U+${c.charCodeAt(0).toString(16).toUpperCase()}`, c]))("%s is kept in descriptions", (_code, c) => {
    expect(descriptionField.parse(`\u05E9\u05DC\u05D5\u05DD ${c}x`)).toBe(`\u05E9\u05DC\u05D5\u05DD ${c}x`);
    expect(hostSchema.parse({ ip_address: "10.0.0.1", description: `a${c}b` }).description).toBe(`a${c}b`);
  });
  it("right-to-left letters themselves are fine in a network name", () => {
    expect(networkSchema.parse({ network: "10.0.0.0/24", name: "\u05DE\u05E9\u05E8\u05D3" }).name).toBe("\u05DE\u05E9\u05E8\u05D3");
  });
});
