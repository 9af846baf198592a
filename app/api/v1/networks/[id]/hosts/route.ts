import { withApi } from "@/lib/api/with-api";
import { idParams } from "@/lib/api/params";
import { networkHostsQuery } from "@/lib/schemas/list";
import { listNetworkHosts } from "@/lib/services/networks/list-network-hosts";

export const dynamic = "force-dynamic";

// GET /api/v1/networks/{id}/hosts – the hosts of a network, paginated
export const GET = withApi({ auth: "viewer", params: idParams, query: networkHostsQuery }, ({ actor, params, query }) =>
  listNetworkHosts(actor, params.id, query));
