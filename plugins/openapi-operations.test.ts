import { describe, expect, it } from "vitest";
import { z } from "zod";
import { exporters, importers, pluginOperations } from "@/plugins/registry";

describe("import/export operations for the OpenAPI document", () => {
  it("every query schema converts to JSON Schema", () => {
    for (const op of pluginOperations) if (op.query) expect(z.toJSONSchema(op.query, { io: "input", unrepresentable: "any" })).toHaveProperty("properties");
    expect(pluginOperations.map((op) => `${op.method} ${op.path}`)).toEqual(["get /export", "get /export/{name}", "get /import", "post /import/{name}"]);
  });

  it("the registry publishes them, naming every registered plugin", () => {
    const summary = (path: string) => pluginOperations.find((op) => op.path === path)!.summary;
    for (const plugin of exporters()) expect(summary("/export/{name}")).toContain(plugin.name);
    for (const plugin of importers()) expect(summary("/import/{name}")).toContain(plugin.name);
  });
});
