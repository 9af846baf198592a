import { withApi } from "@/lib/api/with-api";
import { idParams } from "@/lib/api/params";
import { availableIpsQuery } from "@/lib/schemas/ip";
import { listAvailableIps } from "@/lib/services/ip/list-available-ips";

export const dynamic = "force-dynamic";

// GET /api/v1/ip/networks/{id}/available-ips?limit=100&after=<ip> – free addresses, ascending
export const GET = withApi({ auth: "viewer", params: idParams, query: availableIpsQuery }, ({ actor, params, query }) =>
  listAvailableIps(actor, params.id, query));
