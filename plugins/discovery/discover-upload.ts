import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { ChangeSet, DiscoveryUploadQuery, DiscoveryUploadSource, Observation } from "@/lib/schemas/discovery";
import { authorize } from "@/lib/services/authorize";
import { reconcileDiscovery } from "@/lib/services/discovery/reconcile-discovery";
import { parseDnsmasqLeases } from "@/plugins/discovery/parse-dnsmasq-leases";
import { parseKeaLeases } from "@/plugins/discovery/parse-kea-leases";
import { nmapStartTime, parseNmapXml } from "@/plugins/discovery/parse-nmap-xml";

/** Each uploadable source's reader: the whole file is read (or refused at a line) before anything is compared. */
export const discoveryParsers: Record<DiscoveryUploadSource, (bytes: Uint8Array) => Observation[]> = {
  nmap: parseNmapXml,
  dnsmasq: parseDnsmasqLeases,
  kea: parseKeaLeases,
};

/** POST /api/v1/discovery/{source}: the uploaded file's change set. Writes nothing. */
export async function discoverUpload(actor: Actor, source: DiscoveryUploadSource, bytes: Uint8Array, query: DiscoveryUploadQuery): Promise<ChangeSet> {
  authorize(actor, "editor");
  const observations = discoveryParsers[source](bytes);
  // An nmap file says when it ran; a lease file is as of now.
  const observedAt = (source === "nmap" ? nmapStartTime(bytes) : null) ?? new Date();
  return reconcileDiscovery(actor, { source, observations, observedAt: observedAt > new Date() ? new Date() : observedAt, networkId: query.network_id });
}
