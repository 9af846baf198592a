import { randomBytes } from "node:crypto";
import { startCluster } from "../../lib/db/pg-cluster";
import { runPgStatement } from "../../lib/db/pg-client";
import { databaseEngine, loadEnv, redactDatabaseUrl } from "../../lib/env";

// Where the PostgreSQL half of a benchmark runs: the server DATABASE_URL names
// when it names one (the role needs CREATEDB), else a throwaway cluster
// (lib/db/pg-cluster) stopped at the end. Either way each benchmark works in
// databases of its own, created here and dropped afterwards.

export interface PgServer {
  /** Shown in the output; never carries a password. */
  label: string;
  createDatabase(): Promise<{ url: string; drop(): Promise<void> }>;
  stop(): Promise<void>;
}

const admin = runPgStatement;

export async function openPgServer(): Promise<PgServer> {
  const given = loadEnv().DATABASE_URL;
  const external = databaseEngine(given) === "postgresql";
  const cluster = external ? undefined : await startCluster();
  const adminUrl = cluster?.adminUrl ?? given;
  return {
    label: cluster ? `throwaway PostgreSQL cluster on 127.0.0.1:${cluster.port}` : redactDatabaseUrl(given),
    async createDatabase() {
      const name = `ipam_bench_${process.pid}_${randomBytes(4).toString("hex")}`;
      await admin(adminUrl, `CREATE DATABASE "${name}"`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return { url: url.toString(), drop: () => admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
    },
    async stop() {
      cluster?.stop();
    },
  };
}
