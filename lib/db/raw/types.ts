import type { Db, Tx } from "@/lib/db/client";

/** Either the client or a transaction: raw reads that must see the caller's uncommitted writes take this. */
export type Queryable = Db | Tx;

/** Inclusive bounds on lib/ipam sort keys (hosts.ip_key, networks.start_key/end_key). */
export interface KeyRange { lo: string; hi: string }
