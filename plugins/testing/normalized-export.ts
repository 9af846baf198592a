// The JSON exports of networks and hosts without what a re-import renumbers
// (ids, timestamps): parents and networks named by prefix, so two databases
// holding the same data compare equal.

export type Json = Record<string, unknown>;

export function normalizedExport(networksJson: string, hostsJson: string) {
  const networks = JSON.parse(networksJson) as Json[];
  const hosts = JSON.parse(hostsJson) as Json[];
  const prefixOf = new Map(networks.map((n) => [n.id, n.prefix]));
  const strip = (row: Json): Json => Object.fromEntries(Object.entries(row).filter(([k]) => !["id", "created_at", "updated_at"].includes(k)));
  return {
    networks: networks.map((n): Json => ({ ...strip(n), parent_id: prefixOf.get(n.parent_id) ?? null })),
    hosts: hosts.map((h): Json => ({ ...strip(h), network_id: prefixOf.get(h.network_id) ?? null })),
  };
}
