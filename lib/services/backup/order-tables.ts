import type { TableShape } from "@/lib/db/raw/backup";

/**
 * Parents before children: a table comes after every table its foreign keys
 * reference (a reference to itself aside: restore defers those per row), ties
 * by name so the order, and so the file, is the same on both engines.
 */
export function orderTables(tables: readonly TableShape[]): TableShape[] {
  const pending = [...tables].sort((a, b) => (a.name < b.name ? -1 : 1));
  const placed = new Set<string>();
  const ordered: TableShape[] = [];
  while (pending.length) {
    const ready = pending.findIndex((t) => t.references.every((r) => r.table === t.name || placed.has(r.table) || !pending.some((p) => p.name === r.table)));
    if (ready < 0) throw new Error(`Tables reference each other in a cycle (${pending.map((t) => t.name).join(", ")}); the backup cannot order them`);
    const [table] = pending.splice(ready, 1);
    placed.add(table.name);
    ordered.push(table);
  }
  return ordered;
}
