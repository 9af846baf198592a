import { describe, expect, it } from "vitest";
import { formatPrefix } from "@/lib/ipam";
import { readPrefix } from "@/components/calculator/read-prefix";

const shown = (text: string) => {
  const read = readPrefix(text);
  return read.ok ? formatPrefix(read.prefix) : `error: ${read.error}`;
};

describe("readPrefix", () => {
  it("accepts a prefix, an address with a mask, and an IPv6 prefix", () => {
    expect(shown("10.0.0.0/24")).toBe("10.0.0.0/24");
    expect(shown("10.0.0.0 255.255.255.0")).toBe("10.0.0.0/24");
    expect(shown("  10.0.0.0/255.255.0.0 ")).toBe("10.0.0.0/16");
    expect(shown("2001:db8::/48")).toBe("2001:db8::/48");
  });

  it("reads an address inside a network as that network, with a note", () => {
    const read = readPrefix("10.1.2.77/23");
    expect(read.ok && formatPrefix(read.prefix)).toBe("10.1.2.0/23");
    expect(read.ok && read.note).toContain("10.1.2.0/23");
  });

  it("explains what is wrong otherwise", () => {
    expect(shown("")).toMatch(/^error: Enter a prefix/);
    expect(shown("10.0.0.300/24")).toMatch(/^error: .*not a valid prefix/);
    expect(shown("10.0.0.0/33")).toMatch(/^error:/);
  });
});
