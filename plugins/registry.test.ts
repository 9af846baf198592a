import { describe, expect, it } from "vitest";
import { exporterNames, importerNames } from "@/plugins/define-plugin";
import { describePlugin, exporters, importers, plugins } from "@/plugins/registry";

describe("the plugin registry", () => {
  it("holds each plugin once, under its own kind and name", () => {
    for (const [id, plugin] of Object.entries(plugins)) expect(id).toBe(`${plugin.kind}:${plugin.name}`);
    expect(exporters().map((p) => p.name)).toEqual([...exporterNames]);
    expect(importers().map((p) => p.name)).toEqual([...importerNames]);
  });

  it("every plugin declares formats and a description; extensions are unique among importers (name=auto needs that)", () => {
    for (const plugin of Object.values(plugins)) {
      expect(plugin.formats.length).toBeGreaterThan(0);
      expect(plugin.description.length).toBeGreaterThan(20);
      expect(describePlugin(plugin).formats.every((f) => /^[a-z]+\/[a-z0-9.+-]+$/.test(f.media_type))).toBe(true);
    }
    const extensions = importers().flatMap((p) => p.formats.map((f) => f.extension));
    expect(new Set(extensions).size).toBe(extensions.length);
  });
});
