import "server-only";
import type { Tx } from "@/lib/db/client";
import { parseAddress, sortKey } from "@/lib/ipam";
import { hostNameClaims } from "@/lib/db/raw/host-names";
import { splitAliases } from "@/lib/schemas/dns";
import { hostWritableFields } from "@/lib/schemas/host";
import { nameClaimsOf, type NameClaim } from "@/lib/services/hosts/host-names";
import { innermostNetworks } from "@/lib/services/hosts/host-networks";
import { keptAs, repairHostNames, repairNetworkNames, withNote, type Repaired } from "@/plugins/import/repair-names";
import type { TableImport } from "@/plugins/import/table-import";
import type { ConflictMode, ImportReport, RowError, RowRepair } from "@/plugins/import/types";

// repair=true in front of a table's import: rows are repaired before the
// batch rules ever see them, so those rules (and their verdicts) stay the
// ones every write uses. Names DNS cannot carry are repaired as each row is
// read. A name that another host already has (the original allowed the same
// hostname twice) can only be judged once the networks are known (a name's
// identity is its FQDN, and the domain comes from the host's network, which
// a flask-ipam import writes in the same transaction), so host rows wait
// until `run`. The first claim of a name keeps it; each later one is cleared
// into its description as "imported name: x (duplicate)" and its row kept.

/** Networks: a domain DNS cannot carry. Nothing needs to wait. */
export class RepairingNetworkImport implements TableImport {
  private readonly repairs: RowRepair[] = [];
  constructor(private readonly inner: TableImport) {}

  add(row: number, input: Record<string, unknown>): void {
    this.inner.add(row, record(this.repairs, row, repairNetworkNames(input)));
  }

  fail(error: RowError): void {
    this.inner.fail(error);
  }

  async run(tx: Tx, mode: ConflictMode): Promise<ImportReport> {
    return { ...(await this.inner.run(tx, mode)), repairs: this.repairs };
  }
}

function record(repairs: RowRepair[], row: number, repaired: Repaired): Record<string, unknown> {
  for (const r of repaired.repairs) repairs.push({ row, ...r });
  return repaired.input;
}

/** Who holds a name: a row of this file or a stored host; round-robin holders may share it. */
interface Holder {
  address: string;
  exclusive: boolean;
  /** How a repair message names it: "is also on row 3", "already belongs to host 12 (10.0.0.5)". */
  label: string;
  /** A stored host that this file replaces (on_conflict=update) gives its names up. */
  replaced: boolean;
}

interface PendingHost {
  row: number;
  input: Record<string, unknown>;
  address: string | null;
}

const canonical = (value: unknown): string | null => {
  const result = hostWritableFields.ip_address.safeParse(value);
  return result.success ? result.data : null;
};

/** Hosts: names DNS cannot carry, then names another host already has. */
export class RepairingHostImport implements TableImport {
  private readonly repairs: RowRepair[] = [];
  private pending: PendingHost[] = [];
  constructor(private readonly inner: TableImport) {}

  add(row: number, input: Record<string, unknown>): void {
    this.pending.push({ row, input: record(this.repairs, row, repairHostNames(input)), address: canonical(input.ip_address) });
  }

  fail(error: RowError): void {
    this.inner.fail(error);
  }

  async run(tx: Tx, mode: ConflictMode): Promise<ImportReport> {
    const pending = this.pending;
    this.pending = [];
    await this.clearTakenNames(tx, mode, pending);
    for (const p of pending) this.inner.add(p.row, p.input);
    const report = await this.inner.run(tx, mode);
    return { ...report, repairs: [...this.repairs].sort((a, b) => a.row - b.row) };
  }

  private async clearTakenNames(tx: Tx, mode: ConflictMode, pending: PendingHost[]): Promise<void> {
    const located = pending.filter((p): p is PendingHost & { address: string } => p.address !== null);
    const keys = new Map(located.map((p) => [p.address, sortKey(parseAddress(p.address))]));
    const networks = await innermostNetworks(tx, [...keys.values()]);
    const claims = located.map((p) => ({ p, names: namesOf(p.input, networks.get(keys.get(p.address)!)?.domain ?? null) }));
    const holders = await storedHolders(tx, claims.flatMap((c) => c.names.map((n) => n.fqdn)), mode === "update" ? new Set(keys.keys()) : new Set());
    for (const { p, names } of claims) {
      for (const name of names) {
        const other = (holders.get(name.fqdn) ?? []).find((h) => h.address !== p.address && !h.replaced && (h.exclusive || name.exclusive));
        if (!other) {
          holders.set(name.fqdn, [...(holders.get(name.fqdn) ?? []), { address: p.address, exclusive: name.exclusive, label: `is also on row ${p.row}`, replaced: false }]);
          continue;
        }
        const text = `imported ${name.kind === "hostname" ? "name" : "alias"}: ${name.text} (duplicate)`;
        p.input.description = withNote(p.input.description, text);
        if (name.kind === "hostname") delete p.input.hostname;
        else p.input.cname = dropAlias(p.input.cname as string, name.alias);
        const what = name.kind === "hostname" ? "cleared" : "dropped";
        this.repairs.push({ row: p.row, field: name.kind === "hostname" ? "hostname" : "cname", message: `Name "${name.fqdn}" ${other.label}: ${what}, ${keptAs(text)}` });
      }
    }
  }
}

interface Name extends NameClaim {
  /** As the row wrote it, for the description. */
  text: string;
  /** The normalized alias (aliases only). */
  alias?: string;
}

/** The names a (repaired, so valid) row claims: the service's own nameClaimsOf, one name at a time to keep each one's text. */
function namesOf(input: Record<string, unknown>, domain: string | null): Name[] {
  const names: Name[] = [];
  const seen = new Set<string>();
  const hostname = typeof input.hostname === "string" ? hostWritableFields.hostname.safeParse(input.hostname).data : null;
  if (hostname) {
    const allowDuplicateName = hostWritableFields.allow_duplicate_name.safeParse(input.allow_duplicate_name).data === true;
    const [claim] = nameClaimsOf({ hostname, cname: null, allowDuplicateName, domain });
    names.push({ ...claim, text: (input.hostname as string).trim() });
    seen.add(claim.fqdn);
  }
  for (const text of typeof input.cname === "string" ? input.cname.split(",").map((a) => a.trim()).filter(Boolean) : []) {
    const [claim] = nameClaimsOf({ hostname: null, cname: text, allowDuplicateName: false, domain });
    if (!claim || seen.has(claim.fqdn)) continue;
    seen.add(claim.fqdn);
    names.push({ ...claim, text, alias: splitAliases(text)[0] });
  }
  return names;
}

function dropAlias(cname: string, alias: string | undefined): string | undefined {
  const kept = cname.split(",").map((a) => a.trim()).filter((a) => a && splitAliases(a)[0] !== alias);
  return kept.length ? kept.join(",") : undefined;
}

/** Stored claims of these FQDNs (host_names), by FQDN; hosts at `replacedAddresses` are being overwritten by this file. */
async function storedHolders(tx: Tx, fqdns: string[], replacedAddresses: ReadonlySet<string>): Promise<Map<string, Holder[]>> {
  const holders = new Map<string, Holder[]>();
  for (const c of await hostNameClaims(tx, fqdns)) {
    const holder = { address: c.ip_address, exclusive: c.slot === 0, label: `already belongs to host ${c.host_id} (${c.ip_address})`, replaced: replacedAddresses.has(c.ip_address) };
    holders.set(c.fqdn, [...(holders.get(c.fqdn) ?? []), holder]);
  }
  return holders;
}
