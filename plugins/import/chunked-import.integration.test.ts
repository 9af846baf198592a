import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { hostSchema } from "@/lib/schemas/host";
import { networkSchema } from "@/lib/schemas/network";
import { createHost } from "@/lib/services/hosts/create-host";
import { createNetwork } from "@/lib/services/networks/create-network";
import { resetDatabase, useTestDatabase } from "@/tests/db";
import { importFile } from "@/plugins/import/file-import";
import { HostImport } from "@/plugins/import/import-hosts";
import type { ConflictMode } from "@/plugins/import/types";
import { admin } from "@/plugins/testing/actors";

// A large file of new hosts is checked and written in chunks (import-hosts.ts).
// Whatever the file, the outcome must be the one the whole file checked at
// once gives: the same report or the same refusal (every row, field and
// message), and the same hosts stored. Rows here collide often: addresses,
// hostnames (some round-robin), aliases and MACs drawn from small pools, with
// hosts stored before that hold some of them, and a DHCP pool that refuses
// rows without a MAC; spread over chunks of 3.

useTestDatabase();

const rowArb = fc.record({
  last: fc.integer({ min: 1, max: 12 }),
  hostname: fc.option(fc.constantFrom("web", "db", "mail", "api"), { nil: undefined }),
  cname: fc.option(fc.constantFrom("www", "api", "portal"), { nil: undefined }),
  mac: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  roundRobin: fc.boolean(),
  badName: fc.boolean(),
});
type Row = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

function input(r: Row): Record<string, unknown> {
  return {
    ip_address: `10.77.0.${r.last}`,
    // A row the schema refuses: the reader reports it, the chunks never see it.
    hostname: r.badName ? "bad_name!" : r.hostname,
    cname: r.cname,
    mac_address: r.mac === undefined ? undefined : `52:54:00:00:00:0${r.mac}`,
    allow_duplicate_name: r.roundRobin,
  };
}

type Outcome = { report: unknown } | { refused: unknown };

async function importRows(rows: readonly Row[], before: readonly Row[], mode: ConflictMode, chunkRows: number): Promise<{ outcome: Outcome; hosts: unknown[] }> {
  await resetDatabase();
  await createNetwork(admin, networkSchema.parse({ network: "10.77.0.0/24", domain: "lab.example", dhcp_start: "10.77.0.11", dhcp_end: "10.77.0.12" }));
  // Stored before the import, outside the file's addresses; a refused one is simply not there.
  for (const [i, r] of before.entries()) {
    const data = hostSchema.safeParse({ ...input({ ...r, badName: false }), ip_address: `10.77.0.${200 + i}` });
    if (data.success) await createHost(admin, data.data).catch(() => undefined);
  }
  const table = new HostImport(chunkRows);
  rows.forEach((r, i) => table.add(i + 2, input(r)));
  const byRow = (a: { row: number; field: string; message: string }, b: typeof a) => a.row - b.row || a.field.localeCompare(b.field) || a.message.localeCompare(b.message);
  // Host ids differ between the two runs of a comparison (the ids of a reset database go on counting).
  // The free address suggested for a row in the DHCP pool may too: in chunks, the rows of earlier
  // chunks are already stored, so an address one of them takes is not suggested (at once, it can be).
  const sameIds = <E extends { message: string }>(e: E) => ({
    ...e,
    message: e.message.replace(/\bhost \d+/g, "host #").replace(/outside the pool, [0-9.]+$/, "outside the pool, <free>"),
  });
  let outcome: Outcome;
  try {
    const report = await importFile(admin, () => ({ type: "hosts", table }), { onConflict: mode, dryRun: false });
    outcome = { report: { ...report, errors: report.errors.map(sameIds).sort(byRow) } };
  } catch (error) {
    const details = (error as { details?: { rows?: Array<{ row: number; field: string; message: string }> } }).details;
    outcome = { refused: { code: (error as { code?: string }).code, rows: (details?.rows ?? []).map(sameIds).sort(byRow) } };
  }
  const hosts = await getDb().host.findMany({
    orderBy: { ipKey: "asc" },
    select: { ipAddress: true, hostname: true, cname: true, macAddress: true, names: { select: { fqdn: true, kind: true }, orderBy: { fqdn: "asc" } } },
  });
  return { outcome, hosts };
}

describe("an import checked in chunks", () => {

  it("gives what checking the whole file at once gives, with error and with skip", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 4, maxLength: 14 }), fc.array(rowArb, { maxLength: 3 }), fc.constantFrom<ConflictMode>("error", "skip"), async (rows, before, mode) => {
        const whole = await importRows(rows, before, mode, Number.MAX_SAFE_INTEGER);
        const chunked = await importRows(rows, before, mode, 3);
        expect(chunked).toEqual(whole);
      }),
      { numRuns: Number(process.env.CHUNKED_IMPORT_RUNS ?? 60) },
    );
  });

  it("names a duplicate in an earlier chunk by its row, and writes nothing when it refuses", async () => {
    const rows: Row[] = [
      { last: 1, hostname: "web", cname: undefined, mac: 1, roundRobin: false, badName: false },
      { last: 2, hostname: undefined, cname: undefined, mac: undefined, roundRobin: false, badName: false },
      { last: 3, hostname: undefined, cname: undefined, mac: undefined, roundRobin: false, badName: false },
      { last: 4, hostname: "web", cname: undefined, mac: 1, roundRobin: false, badName: false },
      { last: 1, hostname: undefined, cname: undefined, mac: undefined, roundRobin: false, badName: false },
    ];
    const { outcome, hosts } = await importRows(rows, [], "error", 3);
    expect(outcome).toEqual({
      refused: {
        code: "validation_error",
        rows: [
          { row: 5, field: "hostname", message: 'Hostname "web.lab.example" is also the hostname on row 2' },
          { row: 5, field: "mac_address", message: "MAC 52:54:00:00:00:01 is also on row 2" },
          { row: 6, field: "ip_address", message: "Address 10.77.0.1 is also on row 2" },
        ],
      },
    });
    expect(hosts).toEqual([]);
  });

  it("with on_conflict=skip writes the valid rows of every chunk and counts the rest as skipped", async () => {
    const rows: Row[] = [
      { last: 1, hostname: "web", cname: undefined, mac: undefined, roundRobin: false, badName: false },
      { last: 2, hostname: undefined, cname: undefined, mac: undefined, roundRobin: false, badName: true },
      { last: 3, hostname: "db", cname: undefined, mac: undefined, roundRobin: false, badName: false },
      { last: 4, hostname: "web", cname: undefined, mac: undefined, roundRobin: false, badName: false },
      { last: 5, hostname: "mail", cname: undefined, mac: undefined, roundRobin: false, badName: false },
    ];
    const { outcome, hosts } = await importRows(rows, [], "skip", 2);
    expect(outcome).toMatchObject({ report: { created: 3, updated: 0, skipped: 2 } });
    expect(hosts.map((h) => (h as { ipAddress: string }).ipAddress)).toEqual(["10.77.0.1", "10.77.0.3", "10.77.0.5"]);
  });
});
