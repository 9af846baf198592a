import { afterAll, beforeAll, inject } from "vitest";
import { startCluster, type Cluster } from "@/lib/db/pg-cluster";
import { testEngine } from "@/tests/db";

/**
 * A PostgreSQL server for tests that need one in either half of `npm test`:
 * under `npm run test:pg` the run's server (tests/pg-global-setup.ts);
 * otherwise DATABASE_URL when it names a PostgreSQL server, else a throwaway
 * cluster of this file's own, stopped afterwards. Returns a getter for the
 * server's admin URL (valid from beforeAll on).
 */
export function usePgServer(): () => string {
  let url: string | undefined;
  let cluster: Cluster | undefined;
  beforeAll(async () => {
    const given = process.env.DATABASE_URL;
    if (testEngine() === "postgresql") url = inject("pgAdminUrl");
    else if (given && /^postgres(ql)?:\/\//.test(given)) url = given;
    else {
      cluster = await startCluster();
      url = cluster.adminUrl;
    }
  });
  afterAll(() => cluster?.stop());
  return () => {
    if (!url) throw new Error("usePgServer(): the server is ready from beforeAll on");
    return url;
  };
}
