import { withApi } from "@/lib/api/with-api";
import { created } from "@/lib/api/responses";
import { networkListQuery } from "@/lib/schemas/list";
import { createNetwork } from "@/lib/services/networks/create-network";
import { createNetworks } from "@/lib/services/networks/create-networks";
import { networkOrNetworksSchema } from "@/lib/schemas/network";
import { listNetworks } from "@/lib/services/networks/list-networks";

export const dynamic = "force-dynamic";

// GET /api/v1/networks – list networks (filters, sort, pagination)
export const GET = withApi({ auth: "viewer", query: networkListQuery }, ({ actor, query }) => listNetworks(actor, query));

// POST /api/v1/networks – create a network, or an array of networks all or nothing
export const POST = withApi({ auth: "editor", body: networkOrNetworksSchema }, async ({ actor, body }) => {
  if (Array.isArray(body)) return Response.json({ items: await createNetworks(actor, body) }, { status: 201 });
  const network = await createNetwork(actor, body);
  return created(network, `/api/v1/networks/${network.id}`);
});
