// How the change log reads in the UI: one place for the words, so the
// list, a group row, the history sections and the diff page agree.

export type ChangeActionName = "create" | "update" | "delete";

const typeNames: Record<string, { one: string; many: string }> = {
  network: { one: "network", many: "networks" },
  host: { one: "host", many: "hosts" },
  user: { one: "user", many: "users" },
  api_token: { one: "API token", many: "API tokens" },
};

export const objectTypeLabel = (type: string, count = 1): string => {
  const names = typeNames[type] ?? { one: type, many: `${type}s` };
  return count === 1 ? names.one : names.many;
};

export const actionVerb: Record<ChangeActionName, string> = { create: "created", update: "updated", delete: "deleted" };

/** "3f2a9c1e…": enough of a request id to tell groups apart; the full id is in the link and the title. */
export const shortRequestId = (id: string): string => `${id.slice(0, 8)}…`;

/**
 * The fields a record shows: those it changed, less `updated_at`, which an
 * update always moves and the record's own time already says.
 */
export function shownFields(change: { action: string; changed_fields: readonly string[] }): string[] {
  return change.action === "update" ? change.changed_fields.filter((f) => f !== "updated_at") : [...change.changed_fields];
}

/** A snapshot value as text: "—" for none, yes/no, numbers and strings as they are, anything else as JSON. */
export function formatChangeValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint") return String(value);
  return JSON.stringify(value);
}

/** The verb of a group of records: what the importer did is "imported"; one action is its verb; a mix is "changed". */
export function groupVerb(source: string, actions: readonly string[]): string {
  const distinct = [...new Set(actions)];
  if (source === "import") return "imported";
  if (distinct.length === 1 && distinct[0] in actionVerb) return actionVerb[distinct[0] as ChangeActionName];
  return "changed";
}

/** "10,000 hosts", "3 hosts and 1 network": the objects of a group, by type, largest first. */
export function countObjects(byType: Readonly<Record<string, number>>): string {
  const parts = Object.entries(byType)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([type, n]) => `${n.toLocaleString("en-US")} ${objectTypeLabel(type, n)}`);
  if (parts.length <= 1) return parts[0] ?? "nothing";
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** "admin imported 10,000 hosts": a request's records (its counts per object type and action) as one line. */
export function describeGroup(group: {
  actor: { name: string };
  source: string;
  summary: ReadonlyArray<{ object_type: string; action: string; count: number }>;
}): string {
  const byType: Record<string, number> = {};
  for (const s of group.summary) byType[s.object_type] = (byType[s.object_type] ?? 0) + s.count;
  return `${group.actor.name} ${groupVerb(group.source, group.summary.map((s) => s.action))} ${countObjects(byType)}`;
}
