// lib/db/raw/ holds all of the app's raw SQL, for SQLite and PostgreSQL: the
// index-range queries Prisma's query builder cannot express and the
// importer's batched writes. Each statement is written once; the fragments
// that differ between the engines come from ./dialect, the one place that
// chooses them (./read-connection picks the connection for raw reads). Keys are lib/ipam sortKey strings, so every
// range is an index range scan on hosts(ip_key) or networks(start_key, end_key).
// Statements are Prisma.sql tagged templates (parameters can't be forgotten);
// only constant identifiers are spliced in, with Prisma.raw.
//
// One file per concern; this barrel keeps `@/lib/db/raw` imports working.

export type { KeyRange, Queryable } from "./types";
export { countHostsInRanges } from "./host-counts";
export { countNetworkHosts, hostBlockDrift, hostStatusTotals, networkCountDrift, recountHostBlocks, recountNetworkHosts } from "./network-counts";
export { loadStateRows, type StateQuery, type StateRows } from "./address-states";
export { keyReader, type KeyReader } from "./key-reader";
export { innermostNetworkId, networkDepths, setHostNetworkInRange, setNetworkParent } from "./network-tree";
export { containsFilter, idsContaining } from "./text-search";
export { findTokenForAuth, type TokenForAuth } from "./api-tokens";
export { findSessionForAuth, type SessionForAuth } from "./sessions";
export { pingDatabase } from "./health";
export { addCounterHits, deleteCounter, deleteEndedCounters, hitCounter, refundCounter, type CounterRow, type HitSpec } from "./rate-limits";
