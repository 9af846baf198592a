import "server-only";
import type { Tx } from "@/lib/db/client";
import { parseAddress, sortKey } from "@/lib/ipam";
import { hostSchema } from "@/lib/schemas/host";
import { checkHosts, storedAtAddresses, type CheckedHost, type HostCandidate, type StoredAtAddresses } from "@/lib/services/hosts/check-hosts";
import { EarlierParts } from "@/lib/services/hosts/earlier-parts";
import { writeHosts } from "@/lib/services/hosts/write-hosts";
import { ParsedRows } from "@/plugins/import/parsed-rows";
import { applyConflicts, settle, type EarlierRows, type Keyed } from "@/plugins/import/plan";
import { zodRowErrors } from "@/plugins/import/row-errors";
import type { TableImport } from "@/plugins/import/table-import";
import { emptyReport, type ConflictMode, type ImportReport, type RowError } from "@/plugins/import/types";

// Bulk host import inside the caller's transaction. This file keeps only the
// file's bookkeeping (row numbers, on_conflict); every host rule is the
// service layer's checkHosts, the very function createHost calls, run once
// for the whole file, and the rows are written by the same writer.
//
// A large file of new hosts only (the first import of a network, a
// migration) is checked and written CHUNK_ROWS rows at a time, in the same
// transaction: each chunk's rows are in the database before the next chunk
// is checked, so its rules see them as they see stored hosts, and memory holds
// one chunk's work instead of every row's (1,000,000 rows at once peaked at
// 2.6 GB). Other requests get a turn between chunks. The outcome is the
// one checking all rows at once gives, duplicates across chunks included
// (chunked-import.integration.test.ts compares them). With on_conflict=update
// the file is checked all at once: stored hosts may swap names or MACs
// between any two rows, and a later row with the same address replaces an
// earlier one before either is judged.
const CHUNK_ROWS = 5_000;

/** The first field a rule's error names (its details carry `{ field: [message] }`), for the row report. */
function rowErrors(row: number, checked: CheckedHost): RowError[] {
  return checked.errors.map((error) => {
    const field = Object.entries(error.details ?? {}).find(([, v]) => Array.isArray(v))?.[0] ?? "_";
    return { row, field, message: error.message };
  });
}

/** A row as read, and later (checkHosts fills it in) as checked. */
interface ParsedHost extends Keyed, HostCandidate {
  key: string;
}

export class HostImport implements TableImport {
  private readonly report = emptyReport();

  private readonly parsed: ParsedRows<ParsedHost>;

  /** `chunkRows`: rows per chunk of a large new-hosts-only file (tests lower it to compare with one chunk). */
  constructor(private readonly chunkRows = CHUNK_ROWS) {
    this.parsed = new ParsedRows(chunkRows);
  }

  add(row: number, input: Record<string, unknown>): void {
    const result = hostSchema.safeParse(input);
    if (!result.success) {
      this.report.errors.push(...zodRowErrors(row, result.error));
      return;
    }
    // The parsed address is not kept: checkHosts parses it again when the row's chunk comes.
    this.parsed.push({ row, key: sortKey(parseAddress(result.data.ip_address)), existingId: null, data: result.data, self: null });
  }

  fail(error: RowError): void {
    this.report.errors.push(error);
  }

  async run(tx: Tx, mode: ConflictMode): Promise<ImportReport> {
    const { parsed } = this;
    const stored = await storedAtAddresses(tx, parsed.takeKeys());
    if (parsed.length <= this.chunkRows || stored.size > 0 || mode === "update") {
      await this.check(tx, mode, parsed.takeAll(), stored);
      return this.report;
    }
    const failedToRead = new Set(this.report.errors.map((e) => e.row));
    const earlier: EarlierRows = new Map();
    // The hosts earlier chunks wrote are told apart from those stored before by their address.
    const parts = new EarlierParts((host) => earlier.get(sortKey(parseAddress(host.ip_address))), (row) => `row ${row}`);
    for (const chunk of parsed.takeChunks()) {
      await this.check(tx, mode, chunk, new Map(), earlier, parts);
      for (const p of chunk) if (!earlier.has(p.key)) earlier.set(p.key, p.row);
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (mode === "skip") this.report.skipped += failedToRead.size;
    return this.report;
  }

  /**
   * Plans, checks and writes `items` (the whole file, or with `earlier` one
   * chunk of it). A chunk's valid rows are written even when rows failed, so
   * that later chunks are checked against them; the failure then rolls the
   * whole import back (runImport).
   */
  private async check(tx: Tx, mode: ConflictMode, items: ParsedHost[], stored: StoredAtAddresses, earlier?: EarlierRows, parts?: EarlierParts): Promise<void> {
    const { report } = this;
    const errorsBefore = report.errors.length;
    const label = (p: ParsedHost) => `Address ${p.data.ip_address}`;
    const planned = applyConflicts(items, stored, mode, { field: "ip_address", label }, report.errors, report, earlier);
    for (const p of planned) {
      const h = p.existingId === null ? undefined : stored.get(p.key);
      if (h) p.self = { id: h.id, ipKey: h.ip_key, networkId: h.network_id, macAddress: h.mac_address };
    }
    const checked = await checkHosts(tx, planned, { describe: (i) => `row ${planned[i].row}`, stored, earlier: parts });
    for (const c of checked) report.errors.push(...rowErrors(c.row, c));
    if (!earlier) {
      const { kept, write } = settle(checked, report, mode);
      if (write) await writeHosts(tx, kept);
      return;
    }
    const { kept } = settle(checked, report, mode, new Set(report.errors.slice(errorsBefore).map((e) => e.row)));
    await writeHosts(tx, kept);
  }
}
