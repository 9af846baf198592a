import { withApi } from "@/lib/api/with-api";
import { idParams } from "@/lib/api/params";
import { availableSubnetsQuery } from "@/lib/schemas/ip";
import { listAvailableSubnets } from "@/lib/services/networks/list-available-subnets";

export const dynamic = "force-dynamic";

// GET /api/v1/networks/{id}/available-subnets?cidr=26&empty_only=true – child prefixes of one length that can be created
export const GET = withApi({ auth: "viewer", params: idParams, query: availableSubnetsQuery }, ({ actor, params, query }) =>
  listAvailableSubnets(actor, params.id, query));
