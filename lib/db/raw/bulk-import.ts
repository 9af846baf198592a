import "server-only";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { dateParam, inList, inListOrder, jsonCell, jsonRows, listTable, storedDate, type CellType } from "./dialect";

// The import's bulk SQL, inside its transaction. Values travel as ONE JSON
// text per statement that the database unpacks (./dialect jsonRows); measured at
// 100,000 hosts, this is what keeps an import under 20 s and 500 MB:
// - Prisma's createMany spends ~0.5 ms of JavaScript per row (50 s);
// - a multi-row INSERT with one bound value per cell is fast, but the driver
//   adapter's debug log keeps the arguments of its last 100 statements
//   (@prisma/debug argsHistory): 1.3 M values, +130 MB held;
// - one JSON text per chunk: 1.5 s, and the log holds a few strings;
// - lookups by 100,000 keys through findMany({ in }) grow the query
//   compiler's memory with every 5,000-value list; one JSON text does not.
// Table and column names are the constants below, never input: they are the
// only text spliced into a statement (Prisma.raw); every value is a parameter.

const ROWS_PER_STATEMENT = 2000;

const HOST_COLUMNS = {
  ip_address: ["ipAddress", "text"], ip_key: ["ipKey", "text"], family: ["family", "int"], hostname: ["hostname", "text"],
  cname: ["cname", "text"], mac_address: ["macAddress", "text"], description: ["description", "text"], status: ["status", "text"],
  network_id: ["networkId", "int"], last_seen: ["lastSeen", "timestamp"], discovery_source: ["discoverySource", "text"],
  allow_duplicate_name: ["allowDuplicateName", "bool"],
} as const satisfies Columns<Prisma.HostCreateManyInput>;

const NETWORK_COLUMNS = {
  network: ["network", "text"], cidr: ["cidr", "int"], family: ["family", "int"], start_key: ["startKey", "text"], end_key: ["endKey", "text"],
  name: ["name", "text"], domain: ["domain", "text"], vlan_id: ["vlanId", "int"], description: ["description", "text"],
  location: ["location", "text"], gateway: ["gateway", "text"], dhcp_start: ["dhcpStart", "text"], dhcp_end: ["dhcpEnd", "text"],
  status: ["status", "text"], utilization_threshold: ["utilizationThreshold", "int"],
} as const satisfies Columns<Prisma.NetworkCreateManyInput>;

/** Column name → [field of the create input, its SQL type]. */
type Columns<R> = Record<string, readonly [keyof R, CellType]>;

// Dates as SQLite's adapter stores them (PostgreSQL casts the same text), flags as 0/1.
const cell = (value: unknown) => (value instanceof Date ? storedDate(value) : typeof value === "boolean" ? Number(value) : (value ?? null));

type Returned = Record<string, unknown>;

/** `toRow` runs per chunk, so 100,000 row objects never exist at once. With `returning`, the rows it names (else none). */
async function insert<T, R>(tx: Tx, table: string, mapping: Columns<R>, items: readonly T[], toRow: (item: T) => R, at: Date, returning?: Prisma.Sql): Promise<Returned[]> {
  const fields = Object.values(mapping);
  const columns = Prisma.raw(Object.keys(mapping).join(", "));
  const cells = Prisma.join(fields.map(([, type], i) => jsonCell("j", i, type)));
  const now = dateParam(at);
  const returned: Returned[] = [];
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) {
    const chunk = items.slice(i, i + ROWS_PER_STATEMENT).map((item) => {
      const row = toRow(item);
      return fields.map(([key]) => cell(row[key]));
    });
    const statement = Prisma.sql`INSERT INTO ${Prisma.raw(table)} (${columns}, created_at, updated_at)
      SELECT ${cells}, ${now}, ${now} FROM ${jsonRows(JSON.stringify(chunk), "j")}`;
    if (returning) returned.push(...(await tx.$queryRaw<Returned[]>`${statement} ${returning}`));
    else await tx.$executeRaw(statement);
  }
  return returned;
}

export async function insertHosts<T>(tx: Tx, items: readonly T[], toRow: (item: T) => Prisma.HostCreateManyInput): Promise<void> {
  await insert(tx, "hosts", HOST_COLUMNS, items, toRow, new Date());
}

/**
 * insertHosts that also answers each new host's id by its ip_key (RETURNING,
 * in the same statement) for a caller that answers with the rows it wrote;
 * `at` is their created_at and updated_at.
 */
export async function insertHostsReturningIds<T>(tx: Tx, items: readonly T[], toRow: (item: T) => Prisma.HostCreateManyInput, at: Date): Promise<Map<string, number>> {
  const rows = await insert(tx, "hosts", HOST_COLUMNS, items, toRow, at, Prisma.sql`RETURNING ip_key, id`);
  return new Map(rows.map((r) => [String(r.ip_key), Number(r.id)]));
}

/** parent_id is left to recomputeNetworkTree. */
export async function insertNetworks<T>(tx: Tx, items: readonly T[], toRow: (item: T) => Prisma.NetworkCreateManyInput): Promise<void> {
  await insert(tx, "networks", NETWORK_COLUMNS, items, toRow, new Date());
}

const ids = <R extends { id: unknown }>(rows: R[]) => rows.map((r) => ({ ...r, id: Number(r.id) }));

/** Stored hosts whose `column` is one of `values` (one statement, any number of values). */
async function hostsWhereIn<R extends { id: unknown }>(tx: Tx, columns: string, column: "ip_key" | "mac_address", values: readonly string[]) {
  if (values.length === 0) return [];
  // Driven from the list: one index probe per value, no temporary index over the whole list.
  const rows = await tx.$queryRaw<R[]>`SELECT ${Prisma.raw(columns)} FROM ${listTable(values, "j", "text")} JOIN hosts ON hosts.${Prisma.raw(column)} = j.value ${inListOrder("j")}`;
  return ids(rows);
}

export const hostsWithKeys = (tx: Tx, keys: readonly string[]) =>
  hostsWhereIn<{ id: unknown; ip_key: string; ip_address: string; hostname: string | null; network_id: number | null; mac_address: string | null }>(
    tx, "id, ip_key, ip_address, hostname, network_id, mac_address", "ip_key", keys,
  ).then((rows) => rows.map((r) => ({ ...r, network_id: r.network_id === null ? null : Number(r.network_id) })));

/**
 * Stored hosts with any of `macs` (either family). The only index on the MAC is
 * (family, mac_address): a join on mac_address alone made SQLite scan every
 * host for every value (4 s for 1,000 MACs against 50,000 hosts); naming both
 * families lets both engines probe that index per value.
 */
export async function hostsWithMacs(tx: Tx, macs: readonly string[]) {
  if (macs.length === 0) return [];
  return ids(await tx.$queryRaw<Array<{ id: unknown; family: number; mac_address: string; ip_address: string; hostname: string | null }>>`
    SELECT id, family, mac_address, ip_address, hostname FROM hosts WHERE family IN (4, 6) AND mac_address IN (${inList(macs, "text")})`);
}

/** Lets updated hosts give up their MACs before any is written again: (family, mac) is unique. */
export async function releaseMacs(tx: Tx, hostIds: readonly number[]): Promise<void> {
  if (hostIds.length) await tx.$executeRaw`UPDATE hosts SET mac_address = NULL WHERE id IN (${inList(hostIds, "int")})`;
}
