import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Data flows one way (docs: house style, "Layers"): app/ and plugins/ call
// lib/, never the reverse. A lib/ module importing plugins/ (or the routes
// and UI above it) makes the layers a cycle, as lib/api/openapi and the
// plugin registry once were.

const root = path.resolve(__dirname, "..");
const ABOVE_LIB = ["plugins", "app", "components"];

/** Every module specifier in `source`: static and dynamic imports, re-exports, require. */
function specifiers(source: string): Array<{ line: number; spec: string }> {
  const found: Array<{ line: number; spec: string }> = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g;
  for (const m of source.matchAll(pattern)) found.push({ line: source.slice(0, m.index).split("\n").length, spec: m[1] });
  return found;
}

/** The top-level folder a specifier written in `file` points into, or null for packages. */
function targetFolder(file: string, spec: string): string | null {
  if (spec.startsWith("@/")) return spec.slice(2).split("/")[0];
  if (!spec.startsWith(".")) return null;
  return path.relative(root, path.resolve(path.dirname(file), spec)).split(path.sep)[0];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    // Tests may drive lib/ through the layers above it (the import-vs-service parity tests do).
    return /\.(ts|tsx|mts|js|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("layers", () => {
  it("no module under lib/ (tests aside) imports from plugins/, app/ or components/", () => {
    const offending = sourceFiles(path.join(root, "lib")).flatMap((file) =>
      specifiers(readFileSync(file, "utf8"))
        .filter(({ spec }) => ABOVE_LIB.includes(targetFolder(file, spec) ?? ""))
        .map(({ line, spec }) => `${path.relative(root, file)}:${line} imports ${spec}`));
    expect(offending).toEqual([]);
  });

  it("the scan sees every way of importing (so the check above can fail)", () => {
    const file = path.join(root, "lib/api/openapi/x.ts");
    const source = [
      'import { a } from "@/plugins/registry";',
      'import type { B } from "../../../plugins/define-plugin";',
      'export { c } from "@/app/api/v1/openapi.json/document";',
      'const d = await import("@/components/ui/button");',
      'import "@/plugins/side-effect";',
      'import { z } from "zod";',
      'import { e } from "@/lib/errors";',
      'import { f } from "./operation";',
    ].join("\n");
    const hits = specifiers(source).filter(({ spec }) => ABOVE_LIB.includes(targetFolder(file, spec) ?? ""));
    expect(hits.map((h) => h.line)).toEqual([1, 2, 3, 4, 5]);
    expect(sourceFiles(path.join(root, "lib")).length).toBeGreaterThan(50);
  });
});
