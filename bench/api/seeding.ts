import { disconnectDb, getDb } from "../../lib/db/client";
import { nameClaimsOf } from "../../lib/services/hosts/host-names";
import { writeHosts } from "../../lib/services/hosts/write-hosts";
import type { CheckedHost } from "../../lib/services/hosts/check-hosts";
import { runImport } from "../../plugins/import/run-import";
import { emptyReport } from "../../plugins/import/types";
import type { SeedHost } from "./bench-db";
import { hostsCsv, seedHost } from "./dataset";
import { withEnv } from "./with-env";

// The hosts go into the benchmark database the way users' hosts do:
// - importOverHttp: a CSV file through POST /api/v1/import/csv, the whole
//   import path (parse, every host rule, write, change log), timed;
// - importInBulk: the 901,000 hosts of phase 2 would take minutes that way
//   (the HTTP import's own rate, printed when they are seeded), so they go
//   through the import's transaction (runImport: one transaction, the change
//   log recorded) and its writer (writeHosts: hosts, then their name rows)
//   without parsing a file or checking rules the generated rows cannot break.

const admin = { kind: "user" as const, id: 0, name: "bench", role: "admin" as const };

export interface HttpImport { ms: number; created: number }

export async function importOverHttp(url: string, token: string, hosts: readonly SeedHost[]): Promise<HttpImport> {
  const body = hostsCsv(hosts);
  const t0 = performance.now();
  const res = await fetch(`${url}/api/v1/import/csv?type=hosts`, {
    method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" }, body,
  });
  const report = (await res.json()) as { created?: number; errors?: unknown[] };
  const ms = performance.now() - t0;
  if (res.status !== 200 || report.created !== hosts.length) {
    throw new Error(`import of ${hosts.length} hosts: HTTP ${res.status} ${JSON.stringify(report).slice(0, 500)}`);
  }
  return { ms, created: report.created };
}

const CHUNK = 100_000;

/** Hosts first, first+1, … (count) into the network, through the import's transaction and writer, CHUNK per import; answers ms. */
export function importInBulk(databaseUrl: string, dataDir: string, networkId: number, first: bigint, count: number): Promise<number> {
  return withEnv({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir }, () => bulk(networkId, first, count));
}

async function bulk(networkId: number, first: bigint, count: number): Promise<number> {
  const t0 = performance.now();
  try {
    const network = await getDb().network.findUniqueOrThrow({ where: { id: networkId } });
    for (let done = 0; done < count; done += CHUNK) {
      const items: CheckedHost[] = [];
      for (let v = first + BigInt(done); items.length < Math.min(CHUNK, count - done); v++) {
        const h = seedHost(4, v, 0n);
        const data = {
          ip_address: h.address, hostname: h.hostname, cname: null, mac_address: h.mac, description: null, status: "active" as const,
          network_id: null, last_seen: null, discovery_source: null, allow_duplicate_name: false,
        };
        const claims = nameClaimsOf({ hostname: h.hostname, cname: null, allowDuplicateName: false, domain: network.domain });
        items.push({ data, self: null, address: { family: 4, value: v }, key: h.key, network, claims, errors: [] });
      }
      await runImport(admin, { dryRun: false, onConflict: "error" }, async (tx) => {
        await writeHosts(tx, items);
        return { ...emptyReport(), created: items.length };
      });
    }
    return performance.now() - t0;
  } finally {
    await disconnectDb();
  }
}
