import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// lib/ipam also runs in the browser (live subnet calculator): no Node-only APIs, no I/O,
// and no imports besides its own files and ip-address.
const dir = __dirname;
const sources = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

describe("engine purity", () => {
  it("has the expected source files", () => {
    expect(sources).toContain("index.ts");
    expect(sources.length).toBeGreaterThan(5);
  });

  it.each(sources)("%s uses no Node-only API and imports only ip-address or siblings", (file) => {
    const text = readFileSync(path.join(dir, file), "utf8");
    expect(text).not.toMatch(/\bBuffer\b|\brequire\(|\bprocess\.|\bcrypto\b|\b__dirname\b|\bsetImmediate\b/);
    const imports = [...text.matchAll(/^\s*(?:import|export)[^"';]*from\s+["']([^"']+)["']/gm)].map((m) => m[1]);
    for (const spec of imports) expect(spec === "ip-address" || spec.startsWith("./")).toBe(true);
    expect(text).not.toMatch(/from\s+["'](@\/|prisma|next|node:)/);
  });
});
