import { describe, expect, it } from "vitest";
import { z } from "zod";
import { pluginOperations } from "@/plugins/openapi-operations";

describe("import/export operations for the OpenAPI document", () => {
  it("every query schema converts to JSON Schema", () => {
    for (const op of pluginOperations) if (op.query) expect(z.toJSONSchema(op.query, { io: "input", unrepresentable: "any" })).toHaveProperty("properties");
    expect(pluginOperations.map((op) => `${op.method} ${op.path}`)).toEqual(["get /export", "get /export/{name}", "get /import", "post /import/{name}"]);
  });
});
