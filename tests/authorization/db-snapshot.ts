import { getDb } from "@/lib/db/client";

// Every row of every table a request could write, to prove that a refused
// request changed nothing. Left out: what merely using a credential touches
// (a token's last_used_at, a session's last_seen_at) and the rate-limit
// counters, which count refused calls too by design.

export async function databaseSnapshot(): Promise<string> {
  const db = getDb();
  const rows = {
    networks: await db.network.findMany({ orderBy: { id: "asc" } }),
    hosts: await db.host.findMany({ orderBy: { id: "asc" } }),
    hostNames: await db.hostName.findMany({ orderBy: { id: "asc" } }),
    users: await db.user.findMany({ orderBy: { id: "asc" }, omit: { passwordHash: false } }),
    apiTokens: await db.apiToken.findMany({ orderBy: { id: "asc" }, omit: { lastUsedAt: true } }),
    sessions: await db.session.findMany({ orderBy: { id: "asc" }, omit: { lastSeenAt: true } }),
  };
  return JSON.stringify(rows);
}
