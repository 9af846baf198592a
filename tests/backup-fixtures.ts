import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/roles";
import { disconnectDb, getDb } from "@/lib/db/client";
import { migrateSqlite } from "@/lib/db/migrate";
import { closeReadConnection } from "@/lib/db/raw/read-connection";
import { loadEnv, overrideEnv } from "@/lib/env";
import { createPgDatabase, testEngine, type TestEngine } from "@/tests/db";
import { networkListQuery, hostListQuery } from "@/lib/schemas/list";
import { networkSchema } from "@/lib/schemas/network";
import { hostSchema } from "@/lib/schemas/host";
import { createNetwork } from "@/lib/services/networks/create-network";
import { listNetworks } from "@/lib/services/networks/list-networks";
import { createHosts } from "@/lib/services/hosts/create-hosts";
import { listHosts } from "@/lib/services/hosts/list-hosts";
import { createUser } from "@/lib/services/users/create-user";
import { createApiToken } from "@/lib/services/tokens/create-api-token";
import { listApiTokens } from "@/lib/services/tokens/list-api-tokens";

// Data for the backup tests: every table, and the cases a restore must get
// right (a network whose parent was created after it, host names under a
// domain and round-robin, IPv6, a user's password hash, a token with an
// expiry, timestamps and booleans), compared through the services.

export const admin: Actor = { kind: "user", id: 1, name: "backup test", role: "admin" };

export async function seedEverything(tag: string): Promise<{ token: string; email: string; password: string }> {
  // The /24 first: the /16 created next becomes its parent, with a larger id.
  await createNetwork(admin, networkSchema.parse({ network: "10.1.2.0/24", domain: "lab.example", gateway: "10.1.2.1", dhcp_start: "10.1.2.200", dhcp_end: "10.1.2.220" }));
  await createNetwork(admin, networkSchema.parse({ network: "10.1.0.0/16", name: `parent ${tag}`, vlan_id: 12, location: "rack ü" }));
  await createNetwork(admin, networkSchema.parse({ network: "2001:db8::/64", domain: "v6.example", status: "reserved" }));
  await createHosts(admin, [
    { ip_address: "10.1.2.10", hostname: "web", cname: "www,intranet", mac_address: "52:54:00:00:00:01", last_seen: "2026-01-02T03:04:05.678Z" },
    { ip_address: "10.1.2.11", hostname: "rr", allow_duplicate_name: true, description: 'quote " and \\ and\nnewline' },
    { ip_address: "10.1.2.12", hostname: "rr", allow_duplicate_name: true, status: "reserved" },
    { ip_address: "10.1.9.9", hostname: "outside-24" },
    { ip_address: "192.0.2.1", discovery_source: "scan" },
  ].map((h) => hostSchema.parse(h)));
  const email = `backup-${tag}@example.com`;
  const password = "correct horse battery";
  await createUser(null, { email, password, role: "editor", name: "Ed" });
  const { token } = await createApiToken(null, { name: `token ${tag}`, role: "viewer", expires_at: "2099-01-01T00:00:00.000Z" });
  return { token, email, password };
}

/** What the API lists show, plus the rows the lists do not (users, host names, hashes). */
export async function apiLists() {
  const db = getDb();
  return {
    networks: await listNetworks(admin, networkListQuery.parse({ per_page: "1000", sort: "id" })),
    hosts: await listHosts(admin, hostListQuery.parse({ per_page: "1000", sort: "id" })),
    tokens: await listApiTokens(admin),
    users: await db.user.findMany({ orderBy: { id: "asc" }, omit: { passwordHash: false } }),
    hostNames: await db.hostName.findMany({ orderBy: { id: "asc" } }),
    tokenHashes: await db.apiToken.findMany({ orderBy: { id: "asc" }, omit: { tokenHash: false } }),
  };
}

/** A temp path for a backup file, removed with `remove()`. */
export function tempBackupPath(): { file: string; remove: () => void } {
  const file = path.join(os.tmpdir(), `ipam-backup-${process.pid}-${randomUUID()}.jsonl`);
  return { file, remove: () => rmSync(file, { force: true }) };
}

/** The file's lines; the header's created_at (the one thing that differs between two backups of the same data) blanked. */
export function backupLines(file: string): string[] {
  const lines = readFileSync(file, "utf8").trimEnd().split("\n");
  const header = JSON.parse(lines[0]);
  lines[0] = JSON.stringify({ ...header, created_at: "", engine: "" });
  return lines;
}

/** A second, migrated, empty database of the run's engine (`engine` to ask for the other one). */
export async function freshDatabase(engine: TestEngine = testEngine()): Promise<{ url: string; drop: () => Promise<void> }> {
  if (engine === "postgresql") return createPgDatabase();
  const file = path.join(os.tmpdir(), `ipam-backup-target-${process.pid}-${randomUUID()}.db`);
  migrateSqlite(file);
  return {
    url: `file:${file}`,
    drop: async () => {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    },
  };
}

async function pointAppAt(url: string): Promise<void> {
  await disconnectDb();
  closeReadConnection();
  overrideEnv({ DATABASE_URL: url });
}

/** Runs `fn` with the app's services on the database at `url`, then points them back. */
export async function usingDatabase<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const previous = loadEnv().DATABASE_URL;
  await pointAppAt(url);
  try {
    return await fn();
  } finally {
    await pointAppAt(previous);
  }
}
