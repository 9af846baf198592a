import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { admin } from "./multi-instance-helpers";

// The SQLite database an SSO test instance runs on, and what the tests read
// back from it. (The test identity provider: e2e/sso-idp.ts.)

/** A migrated SQLite database with one local admin (so the app is past first-run setup). */
export async function sqliteDatabaseWithAdmin(email: string, password: string): Promise<string> {
  const url = `file:${path.join(mkdtempSync(path.join(os.tmpdir(), "ipam-sso-")), "ipam.db")}`;
  await admin(url, ["user", "create", "--email", email, "--password", password, "--role", "admin"]);
  return url;
}

/** A user row, read straight from the instance's database file. */
export function userRow(databaseUrl: string, where: { email?: string; externalId?: string }): { id: number; email: string; role: string; auth_source: string; external_id: string | null; password_hash: string | null } | undefined {
  const db = new Database(databaseUrl.replace(/^file:/, ""), { readonly: true });
  try {
    const [column, value] = where.email !== undefined ? ["email", where.email] : ["external_id", where.externalId];
    return db.prepare(`SELECT id, email, role, auth_source, external_id, password_hash FROM users WHERE ${column} = ?`).get(value) as never;
  } finally {
    db.close();
  }
}

export function sessionCount(databaseUrl: string, userId: number): number {
  const db = new Database(databaseUrl.replace(/^file:/, ""), { readonly: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?").get(userId) as { n: number }).n;
  } finally {
    db.close();
  }
}
