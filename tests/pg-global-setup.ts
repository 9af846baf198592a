import type { TestProject } from "vitest/node";
import { startCluster } from "@/lib/db/pg-cluster";

// `npm run test:pg`: one throwaway PostgreSQL server for the whole run
// (Debian's binaries, initdb in a temp folder, 127.0.0.1 on a free port),
// stopped by its pid at the end. Each test file creates and drops its own
// database on it. When DATABASE_URL already names a PostgreSQL server, the
// run uses that server instead and only creates and drops databases there.

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const given = process.env.DATABASE_URL;
  if (given && /^postgres(ql)?:\/\//.test(given)) {
    project.provide("pgAdminUrl", given);
    return () => {};
  }
  const cluster = await startCluster();
  project.provide("pgAdminUrl", cluster.adminUrl);
  return () => cluster.stop();
}
