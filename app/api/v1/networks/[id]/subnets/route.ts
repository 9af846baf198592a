import { withApi } from "@/lib/api/with-api";
import { idParams } from "@/lib/api/params";
import { created } from "@/lib/api/responses";
import { createSubnetSchema } from "@/lib/schemas/network";
import { createSubnet } from "@/lib/services/networks/create-subnet";

export const dynamic = "force-dynamic";

// POST /api/v1/networks/{id}/subnets – create a child network at the first block whose creation succeeds
export const POST = withApi({ auth: "editor", params: idParams, body: createSubnetSchema }, async ({ actor, params, body }) => {
  const network = await createSubnet(actor, params.id, body);
  return created(network, `/api/v1/networks/${network.id}`);
});
