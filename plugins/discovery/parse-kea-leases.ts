import { MAX_DISCOVERY_ADDRESSES, type Observation } from "@/lib/schemas/discovery";
import { decodeText, fileProblem, linesOf } from "@/plugins/discovery/file-problem";
import { assertHardwareAddress, assertObservationCount, observedAddress } from "@/plugins/discovery/observed-address";

// Kea's memfile lease CSV (kea-leases4.csv; kea-leases6.csv reads the same
// way). Kea 2.2 writes the header
//   address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,user_context
// (later versions append columns: found by name). Kea never quotes; a comma
// inside a value is written "&#x2c". The file is a log: a lease's latest row
// wins, and a row with valid_lifetime 0 (deleted) or a state other than 0
// (1 declined, 2 expired-reclaimed, 3 released) means the address is no
// longer leased.

const REQUIRED = ["address", "hwaddr", "hostname"] as const;
const NUMBER = /^\d{1,20}$/;

const unescape = (value: string) => value.replace(/&#x2c/gi, ",");

export function parseKeaLeases(bytes: Uint8Array): Observation[] {
  let columns: Map<string, number> | null = null;
  const byAddress = new Map<string, Observation>();
  for (const { line, text } of linesOf(decodeText(bytes).replace(/^\uFEFF/, ""))) {
    if (text.trim() === "") continue;
    const cells = text.split(",");
    if (!columns) {
      columns = new Map(cells.map((name, i) => [name.trim(), i]));
      const missing = REQUIRED.filter((name) => !columns!.has(name));
      if (missing.length) throw fileProblem(line, `not a Kea lease file header: no column ${missing.join(", ")} (expected "address,hwaddr,client_id,valid_lifetime,…")`);
      continue;
    }
    if (cells.length !== columns.size) throw fileProblem(line, `expected ${columns.size} comma-separated values as in the header, found ${cells.length}`);
    const cell = (name: string) => unescape(cells[columns!.get(name) ?? -1] ?? "").trim();
    const ip_address = observedAddress(cell("address"), line);
    for (const name of ["valid_lifetime", "state"]) {
      if (columns.has(name) && !NUMBER.test(cell(name))) throw fileProblem(line, `${name} "${cell(name).slice(0, 32)}" is not a number`);
    }
    byAddress.delete(ip_address);
    const gone = (columns.has("valid_lifetime") && Number(cell("valid_lifetime")) === 0) || (columns.has("state") && Number(cell("state")) !== 0);
    if (gone) continue;
    const hardware = cell("hwaddr");
    const hostname = cell("hostname");
    byAddress.set(ip_address, {
      ip_address,
      mac_address: hardware === "" ? null : assertHardwareAddress(hardware, line),
      hostname: hostname === "" ? null : hostname,
      line,
    });
    assertObservationCount(byAddress.size, MAX_DISCOVERY_ADDRESSES, line);
  }
  if (!columns) throw fileProblem(null, "The file is empty: expected a Kea lease CSV with its header line");
  return [...byAddress.values()];
}
