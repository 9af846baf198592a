import { withApi } from "@/lib/api/with-api";
import { idParams } from "@/lib/api/params";
import { freeRangesQuery } from "@/lib/schemas/ip";
import { listFreeRanges } from "@/lib/services/ip/list-free-ranges";

export const dynamic = "force-dynamic";

// GET /api/v1/ip/networks/{id}/free-ranges?limit= – free address ranges, ascending
export const GET = withApi({ auth: "viewer", params: idParams, query: freeRangesQuery }, ({ actor, params, query }) =>
  listFreeRanges(actor, params.id, query));
