import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { loadEnv } from "@/lib/env";
import type { ChangeSet, DiscoveryScanInput } from "@/lib/schemas/discovery";
import { authorize } from "@/lib/services/authorize";
import { discoveryNetwork } from "@/lib/services/discovery/discovery-network";
import { reconcileDiscovery } from "@/lib/services/discovery/reconcile-discovery";
import { runNmapPingScan } from "@/plugins/discovery/nmap-process";
import { parseNmapXml } from "@/plugins/discovery/parse-nmap-xml";

/**
 * POST /api/v1/discovery/scan: ping-scans one network (at most a /16 or an
 * IPv6 /112, discoveryNetwork) and returns its change set, with the
 * network's hosts that did not answer as missing. Writes nothing.
 */
export async function scanNetwork(
  actor: Actor,
  input: DiscoveryScanInput,
  options: { signal?: AbortSignal; timeoutMs?: number; nmapPath?: string } = {},
): Promise<ChangeSet> {
  authorize(actor, "editor");
  const network = await discoveryNetwork(getDb(), input.network_id);
  const env = loadEnv();
  const startedAt = new Date();
  const xml = await runNmapPingScan({
    nmapPath: options.nmapPath ?? env.NMAP_PATH,
    networkId: network.row.id,
    target: network.prefix,
    family: network.row.family === 6 ? 6 : 4,
    timeoutMs: options.timeoutMs ?? env.DISCOVERY_SCAN_TIMEOUT_SECONDS * 1000,
    signal: options.signal,
  });
  return reconcileDiscovery(actor, { source: "scan", observations: parseNmapXml(xml), observedAt: startedAt, networkId: network.row.id });
}
