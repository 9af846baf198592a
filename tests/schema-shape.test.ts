import { describe, expect, it } from "vitest";
import { shapeDifferences, type Shape } from "@/tests/schema-shape";

// The comparison the drift test relies on must see every kind of drift.

const base = (): Shape => ({
  hosts: {
    columns: [{ name: "id", type: "int", nullable: false }, { name: "ip_key", type: "text", nullable: false }, { name: "network_id", type: "int", nullable: true }],
    indexes: [{ name: "hosts_ip_key_key", columns: ["ip_key"], unique: true }, { name: "hosts_network_id_ip_key_idx", columns: ["network_id", "ip_key"], unique: false }],
    foreignKeys: [{ columns: ["network_id"], references: "networks", referencedColumns: ["id"], onDelete: "SET NULL", onUpdate: "CASCADE" }],
  },
  networks: { columns: [{ name: "id", type: "int", nullable: false }], indexes: [], foreignKeys: [] },
});

describe("shapeDifferences", () => {
  it("finds nothing between equal shapes", () => {
    expect(shapeDifferences(base(), base())).toEqual([]);
  });

  it.each<[string, (s: Shape) => void, RegExp]>([
    ["a missing table", (s) => delete s.networks, /^table networks: only in sqlite$/],
    ["a missing column", (s) => s.hosts.columns.pop(), /^hosts: column network_id int NULL: only in sqlite$/],
    ["nullability", (s) => (s.hosts.columns[2].nullable = false), /network_id int NOT NULL: only in postgresql/],
    ["a column type", (s) => (s.hosts.columns[1].type = "bytes"), /ip_key bytes NOT NULL: only in postgresql/],
    ["an index's columns", (s) => s.hosts.indexes[1].columns.reverse(), /hosts_network_id_ip_key_idx \(ip_key, network_id\): only in postgresql/],
    ["uniqueness", (s) => (s.hosts.indexes[0].unique = false), /hosts_ip_key_key \(ip_key\): only in postgresql/],
    ["an index name", (s) => (s.hosts.indexes[0].name = "hosts_ip_key_idx"), /hosts_ip_key_idx UNIQUE \(ip_key\): only in postgresql/],
    ["a foreign key action", (s) => (s.hosts.foreignKeys[0].onDelete = "CASCADE"), /ON DELETE CASCADE ON UPDATE CASCADE: only in postgresql/],
    ["a missing foreign key", (s) => s.hosts.foreignKeys.pop(), /^hosts: foreign key \(network_id\) → networks\(id\).*only in sqlite$/],
  ])("reports %s", (_, doctor, expected) => {
    const changed = base();
    doctor(changed);
    const found = shapeDifferences(base(), changed);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((line) => expected.test(line))).toBe(true);
  });
});
