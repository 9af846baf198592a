import { describe, expect, it } from "vitest";
import type { TableShape } from "@/lib/db/raw/backup";
import { orderTables } from "@/lib/services/backup/order-tables";

const table = (name: string, ...refs: string[]): TableShape => ({
  name, primaryKey: "id", columns: [{ name: "id", type: "int", nullable: false }], references: refs.map((r) => ({ column: `${r}_id`, table: r })),
});

describe("orderTables", () => {
  it("puts every table after the tables it references, ties by name", () => {
    const order = orderTables([table("api_tokens", "users"), table("host_names", "hosts"), table("hosts", "networks"), table("networks", "networks"), table("users")]);
    expect(order.map((t) => t.name)).toEqual(["networks", "hosts", "host_names", "users", "api_tokens"]);
  });

  it("is the same whatever order the engine listed the tables in", () => {
    const tables = [table("b", "a"), table("a"), table("c", "b", "a")];
    expect(orderTables([...tables].reverse()).map((t) => t.name)).toEqual(orderTables(tables).map((t) => t.name));
  });

  it("refuses a cycle between tables", () => {
    expect(() => orderTables([table("a", "b"), table("b", "a")])).toThrow(/cycle \(a, b\)/);
  });
});
