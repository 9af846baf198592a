import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Network } from "@/lib/generated/prisma/client";
import { formatPrefix } from "@/lib/ipam";
import { networkSchema, type NetworkData } from "@/lib/schemas/network";
import { resyncHostNamesInRange } from "@/lib/services/hosts/host-names";
import { networkColumns, networkWriteProblems } from "@/lib/services/networks/network-rules";
import { recomputeNetworkTree } from "@/lib/services/networks/recompute-network-tree";
import { insertNetworks } from "@/lib/db/raw/bulk-import";
import { applyConflicts, settle, type Keyed } from "@/plugins/import/plan";
import { zodRowErrors } from "@/plugins/import/row-errors";
import type { TableImport } from "@/plugins/import/table-import";
import { emptyReport, type ConflictMode, type ImportReport, type RowError } from "@/plugins/import/types";

// Bulk network import inside the caller's transaction. This file keeps only
// the file's bookkeeping (rows, duplicates, on_conflict); every rule comes
// from the service layer: networkSchema for each row, networkWriteProblems
// for all rows at once against the stored networks (the same function
// createNetwork calls), then multi-row INSERTs and the derived parent_id /
// hosts.network_id (and the hosts' names) recomputed once at the end.

interface PlannedNetwork extends Keyed {
  data: NetworkData;
}

/**
 * The rows' rule problems as row errors. With on_conflict=skip a failed row
 * is left out, which can break another (a container whose child is skipped
 * now holds that child's hosts directly): checked again until none fails.
 */
async function checkRules(tx: Tx, planned: PlannedNetwork[], stored: Network[], mode: ConflictMode, errors: RowError[]): Promise<void> {
  const byId = new Map(stored.map((n) => [n.id, n]));
  const failedBefore = new Set(errors.map((e) => e.row));
  let remaining = planned.filter((p) => !failedBefore.has(p.row));
  for (;;) {
    const writes = remaining.map((p) => ({ ref: p.row, data: p.data, stored: p.existingId === null ? null : byId.get(p.existingId)! }));
    const problems = await networkWriteProblems(tx, writes, stored);
    for (const problem of problems) errors.push({ row: problem.ref, field: problem.field, message: problem.message });
    if (problems.length === 0 || mode !== "skip") return;
    const failed = new Set(problems.map((p) => p.ref));
    remaining = remaining.filter((p) => !failed.has(p.row));
  }
}

async function writeNetworks(tx: Tx, kept: PlannedNetwork[], stored: Network[]): Promise<void> {
  const byId = new Map(stored.map((n) => [n.id, n]));
  const renamed: Network[] = [];
  for (const p of kept) {
    if (p.existingId === null) continue;
    const row = await tx.network.update({ where: { id: p.existingId }, data: networkColumns(p.data) });
    if (row.domain !== byId.get(row.id)?.domain) renamed.push(row);
  }
  await insertNetworks(tx, kept.filter((p) => p.existingId === null), (p) => networkColumns(p.data));
  if (kept.length) await recomputeNetworkTree(tx);
  // Hosts that stayed put in a network whose domain changed get their new names.
  for (const row of renamed) await resyncHostNamesInRange(tx, { lo: row.startKey, hi: row.endKey });
}

export class NetworkImport implements TableImport {
  private readonly report = emptyReport();
  private readonly parsed: PlannedNetwork[] = [];

  add(row: number, input: Record<string, unknown>): void {
    const result = networkSchema.safeParse(input);
    if (!result.success) this.report.errors.push(...zodRowErrors(row, result.error));
    else this.parsed.push({ row, key: formatPrefix(result.data.prefix), existingId: null, data: result.data });
  }

  fail(error: RowError): void {
    this.report.errors.push(error);
  }

  async run(tx: Tx, mode: ConflictMode): Promise<ImportReport> {
    const { report, parsed } = this;
    const stored = await tx.network.findMany();
    const existing = new Map(stored.map((n) => [`${n.network}/${n.cidr}`, n]));
    const planned = applyConflicts(parsed, existing, mode, { field: "network", label: (p) => `Network ${p.key}` }, report.errors, report);
    await checkRules(tx, planned, stored, mode, report.errors);
    const { kept, write } = settle(planned, report, mode);
    if (write) await writeNetworks(tx, kept, stored);
    return report;
  }
}
