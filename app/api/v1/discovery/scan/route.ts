import { withApi } from "@/lib/api/with-api";
import { discoveryScanSchema } from "@/lib/schemas/discovery";
import { cancelScan, scanState } from "@/plugins/discovery/nmap-process";
import { scanNetwork } from "@/plugins/discovery/scan-network";

export const dynamic = "force-dynamic";

// GET /api/v1/discovery/scan – whether this instance is scanning, and what
export const GET = withApi({ auth: "editor" }, async () => scanState());

// POST /api/v1/discovery/scan – ping-scan a network with nmap and return its change set (writes nothing)
export const POST = withApi({ auth: "editor", body: discoveryScanSchema }, async ({ actor, body, req }) =>
  scanNetwork(actor, body, { signal: req.signal }));

// DELETE /api/v1/discovery/scan – cancel this instance's running scan
export const DELETE = withApi({ auth: "editor" }, async () => ({ cancelled: cancelScan() }));
