import "server-only";
import type { Tx } from "@/lib/db/client";
import { formatPrefix } from "@/lib/ipam";
import { networkSchema, type NetworkData } from "@/lib/schemas/network";
import { networkColumns } from "@/lib/services/networks/network-rules";
import { recomputeNetworkTree } from "@/lib/services/networks/recompute-network-tree";
import { hostsWithKeys, insertNetworks } from "@/lib/db/raw/bulk-import";
import { NetworkIndex, type IndexedNetwork } from "@/plugins/import/network-index";
import { applyConflicts, settle, type Keyed } from "@/plugins/import/plan";
import { zodRowErrors } from "@/plugins/import/row-errors";
import type { TableImport } from "@/plugins/import/table-import";
import { emptyReport, type ConflictMode, type ImportReport, type RowError } from "@/plugins/import/types";

// Bulk network import inside the caller's transaction: createNetwork's
// schema and rules for all rows at once, multi-row INSERTs, and the
// derived parent_id / hosts.network_id recomputed once at the end.

interface PlannedNetwork extends Keyed {
  data: NetworkData;
  columns: ReturnType<typeof networkColumns>;
}

/**
 * A new IPv4 network must not make an existing host its network or
 * broadcast address, unless a smaller network inside it keeps that host.
 */
async function checkBoundaryHosts(tx: Tx, planned: PlannedNetwork[], stored: readonly IndexedNetwork[], errors: RowError[]): Promise<void> {
  const created = planned.filter((p) => p.existingId === null);
  const keys = created.filter((p) => p.data.family === 4 && p.data.cidr <= 30).flatMap((p) => [p.columns.startKey, p.columns.endKey]);
  if (keys.length === 0) return;
  const hosts = await hostsWithKeys(tx, [...new Set(keys)]);
  if (hosts.length === 0) return;
  const newRows = new Map(created.map((p, i) => [-(i + 1), p]));
  const index = new NetworkIndex([...stored, ...created.map((p, i) => ({ id: -(i + 1), ...p.columns }))]);
  for (const h of hosts) {
    const n = index.innermost(h.ip_key);
    const p = n ? newRows.get(n.id) : undefined;
    if (!p || !n || n.family !== 4 || n.cidr > 30 || (h.ip_key !== n.startKey && h.ip_key !== n.endKey)) continue;
    const role = h.ip_key === n.startKey ? "network" : "broadcast";
    errors.push({ row: p.row, field: "network", message: `Host ${h.ip_address} (id ${h.id}) would be the ${role} address of ${p.key}` });
  }
}

async function writeNetworks(tx: Tx, kept: PlannedNetwork[]): Promise<void> {
  for (const p of kept) if (p.existingId !== null) await tx.network.update({ where: { id: p.existingId }, data: p.columns });
  await insertNetworks(tx, kept.filter((p) => p.existingId === null), (p) => p.columns);
  if (kept.length) await recomputeNetworkTree(tx);
}

export class NetworkImport implements TableImport {
  private readonly report = emptyReport();
  private readonly parsed: PlannedNetwork[] = [];

  add(row: number, input: Record<string, unknown>): void {
    const result = networkSchema.safeParse(input);
    if (!result.success) this.report.errors.push(...zodRowErrors(row, result.error));
    else this.parsed.push({ row, key: formatPrefix(result.data.prefix), existingId: null, data: result.data, columns: networkColumns(result.data) });
  }

  fail(error: RowError): void {
    this.report.errors.push(error);
  }

  async run(tx: Tx, mode: ConflictMode): Promise<ImportReport> {
    const { report, parsed } = this;
    const stored = await tx.network.findMany({ select: { id: true, network: true, cidr: true, startKey: true, endKey: true, family: true } });
    const existing = new Map(stored.map((n) => [`${n.network}/${n.cidr}`, n]));
    const planned = applyConflicts(parsed, existing, mode, { field: "network", label: (p) => `Network ${p.key}` }, report.errors, report);
    await checkBoundaryHosts(tx, planned, stored, report.errors);
    const { kept, write } = settle(planned, report, mode);
    if (write) await writeNetworks(tx, kept);
    return report;
  }
}
