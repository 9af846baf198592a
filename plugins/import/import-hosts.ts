import "server-only";
import type { Tx } from "@/lib/db/client";
import { parseAddress, sortKey } from "@/lib/ipam";
import { hostSchema, type HostData } from "@/lib/schemas/host";
import { hostsWithKeys, insertHosts, releaseMacs } from "@/lib/db/raw/bulk-import";
import { checkAliases, checkMacs } from "@/plugins/import/host-uniqueness";
import { NetworkIndex } from "@/plugins/import/network-index";
import { applyConflicts, settle, type Keyed } from "@/plugins/import/plan";
import { zodRowErrors } from "@/plugins/import/row-errors";
import type { TableImport } from "@/plugins/import/table-import";
import { emptyReport, type ConflictMode, type ImportReport, type RowError } from "@/plugins/import/types";

// Bulk host import inside the caller's transaction: the same schema and
// rules as createHost, but checked for all rows at once (a few queries in
// total, not several per row) and written with multi-row INSERTs.

export interface PlannedHost extends Keyed {
  data: HostData;
  family: number;
  networkId: number | null;
}

const columns = (p: PlannedHost) => ({
  ipAddress: p.data.ip_address, ipKey: p.key, family: p.family, hostname: p.data.hostname, cname: p.data.cname,
  macAddress: p.data.mac_address, description: p.data.description, status: p.data.status, networkId: p.networkId,
  lastSeen: p.data.last_seen, discoverySource: p.data.discovery_source,
});

/** Derives each host's network as the service does, refusing an IPv4 network's own network or broadcast address. */
async function deriveNetworks(tx: Tx, planned: PlannedHost[], errors: RowError[]): Promise<void> {
  const index = new NetworkIndex(await tx.network.findMany({ select: { id: true, startKey: true, endKey: true, cidr: true, family: true, network: true } }));
  for (const p of planned) {
    const n = index.innermost(p.key);
    p.networkId = n?.id ?? null;
    if (n && n.family === 4 && n.cidr <= 30 && (p.key === n.startKey || p.key === n.endKey)) {
      const role = p.key === n.startKey ? "network" : "broadcast";
      errors.push({ row: p.row, field: "ip_address", message: `${p.data.ip_address} is the ${role} address of ${n.network}/${n.cidr}` });
    }
  }
}

async function writeHosts(tx: Tx, kept: PlannedHost[]): Promise<void> {
  const updates = kept.filter((p) => p.existingId !== null);
  if (updates.length) {
    // MACs may move between updated hosts: all of them let go of theirs first.
    await releaseMacs(tx, updates.map((p) => p.existingId!));
    for (const p of updates) await tx.host.update({ where: { id: p.existingId! }, data: columns(p) });
  }
  await insertHosts(tx, kept.filter((p) => p.existingId === null), columns);
}

export class HostImport implements TableImport {
  private readonly report = emptyReport();
  private readonly parsed: PlannedHost[] = [];

  add(row: number, input: Record<string, unknown>): void {
    const result = hostSchema.safeParse(input);
    if (!result.success) {
      this.report.errors.push(...zodRowErrors(row, result.error));
      return;
    }
    const address = parseAddress(result.data.ip_address);
    this.parsed.push({ row, key: sortKey(address), existingId: null, data: result.data, family: address.family, networkId: null });
  }

  fail(error: RowError): void {
    this.report.errors.push(error);
  }

  async run(tx: Tx, mode: ConflictMode): Promise<ImportReport> {
    const { report, parsed } = this;
    const stored = await hostsWithKeys(tx, [...new Set(parsed.map((p) => p.key))]);
    const label = (p: PlannedHost) => `Address ${p.data.ip_address}`;
    const planned = applyConflicts(parsed, new Map(stored.map((h) => [h.ip_key, h])), mode, { field: "ip_address", label }, report.errors, report);
    await deriveNetworks(tx, planned, report.errors);
    await checkMacs(tx, planned, report.errors);
    await checkAliases(tx, planned, report.errors);
    const { kept, write } = settle(planned, report, mode);
    if (write) await writeHosts(tx, kept);
    return report;
  }
}
