import "server-only";
import type { Tx } from "@/lib/db/client";
import { parseAddress, sortKey, type Address } from "@/lib/ipam";
import { hostSchema } from "@/lib/schemas/host";
import { checkHosts, storedAtAddresses, type CheckedHost, type HostCandidate } from "@/lib/services/hosts/check-hosts";
import { writeHosts } from "@/lib/services/hosts/write-hosts";
import { applyConflicts, settle, type Keyed } from "@/plugins/import/plan";
import { zodRowErrors } from "@/plugins/import/row-errors";
import type { TableImport } from "@/plugins/import/table-import";
import { emptyReport, type ConflictMode, type ImportReport, type RowError } from "@/plugins/import/types";

// Bulk host import inside the caller's transaction. This file keeps only the
// file's bookkeeping (row numbers, on_conflict); every host rule is the
// service layer's checkHosts, the very function createHost calls, run once
// for the whole file, and the rows are written by the same writer.

/** The first field a rule's error names (its details carry `{ field: [message] }`), for the row report. */
function rowErrors(row: number, checked: CheckedHost): RowError[] {
  return checked.errors.map((error) => {
    const field = Object.entries(error.details ?? {}).find(([, v]) => Array.isArray(v))?.[0] ?? "_";
    return { row, field, message: error.message };
  });
}

/** A row as read, and later (checkHosts fills it in) as checked. */
interface ParsedHost extends Keyed, HostCandidate {
  address: Address;
  key: string;
}

export class HostImport implements TableImport {
  private readonly report = emptyReport();
  private readonly parsed: ParsedHost[] = [];

  add(row: number, input: Record<string, unknown>): void {
    const result = hostSchema.safeParse(input);
    if (!result.success) {
      this.report.errors.push(...zodRowErrors(row, result.error));
      return;
    }
    const address = parseAddress(result.data.ip_address);
    this.parsed.push({ row, key: sortKey(address), existingId: null, data: result.data, address, self: null });
  }

  fail(error: RowError): void {
    this.report.errors.push(error);
  }

  async run(tx: Tx, mode: ConflictMode): Promise<ImportReport> {
    const { report, parsed } = this;
    const stored = await storedAtAddresses(tx, parsed.map((p) => p.key));
    const label = (p: ParsedHost) => `Address ${p.data.ip_address}`;
    const planned = applyConflicts(parsed, stored, mode, { field: "ip_address", label }, report.errors, report);
    for (const p of planned) {
      const h = p.existingId === null ? undefined : stored.get(p.key);
      if (h) p.self = { id: h.id, ipKey: h.ip_key, networkId: h.network_id, macAddress: h.mac_address };
    }
    const checked = await checkHosts(tx, planned, { describe: (i) => `row ${planned[i].row}`, stored });
    for (const c of checked) report.errors.push(...rowErrors(c.row, c));
    const { kept, write } = settle(checked, report, mode);
    if (write) await writeHosts(tx, kept);
    return report;
  }
}
