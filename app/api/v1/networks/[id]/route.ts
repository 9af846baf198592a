import { withApi } from "@/lib/api/with-api";
import { idParams } from "@/lib/api/params";
import { noContent } from "@/lib/api/responses";
import { networkPatchSchema, networkSchema } from "@/lib/schemas/network";
import { deleteNetwork } from "@/lib/services/networks/delete-network";
import { getNetwork } from "@/lib/services/networks/get-network";
import { patchNetwork } from "@/lib/services/networks/patch-network";
import { updateNetwork } from "@/lib/services/networks/update-network";

export const dynamic = "force-dynamic";

// GET /api/v1/networks/{id} – one network with its counts
export const GET = withApi({ auth: "viewer", params: idParams }, ({ actor, params }) => getNetwork(actor, params.id));

// PUT /api/v1/networks/{id} – replace every writable field
export const PUT = withApi({ auth: "editor", params: idParams, body: networkSchema }, ({ actor, params, body }) =>
  updateNetwork(actor, params.id, body));

// PATCH /api/v1/networks/{id} – change some fields
export const PATCH = withApi({ auth: "editor", params: idParams, body: networkPatchSchema }, ({ actor, params, body }) =>
  patchNetwork(actor, params.id, body));

// DELETE /api/v1/networks/{id} – delete (409 network_not_empty while hosts lie directly in it)
export const DELETE = withApi({ auth: "editor", params: idParams }, async ({ actor, params }) => {
  await deleteNetwork(actor, params.id);
  return noContent();
});
