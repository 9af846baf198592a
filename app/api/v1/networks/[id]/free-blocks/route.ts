import { withApi } from "@/lib/api/with-api";
import { idParams } from "@/lib/api/params";
import { freeBlocksQuery } from "@/lib/schemas/ip";
import { listFreeBlocks } from "@/lib/services/networks/list-free-blocks";

export const dynamic = "force-dynamic";

// GET /api/v1/networks/{id}/free-blocks?limit=100 – the space between child networks as CIDR blocks
export const GET = withApi({ auth: "viewer", params: idParams, query: freeBlocksQuery }, ({ actor, params, query }) =>
  listFreeBlocks(actor, params.id, query));
