import { withApi } from "@/lib/api/with-api";
import { idParams } from "@/lib/api/params";
import { noContent } from "@/lib/api/responses";
import { hostPatchSchema, hostSchema } from "@/lib/schemas/host";
import { deleteHost } from "@/lib/services/hosts/delete-host";
import { getHost } from "@/lib/services/hosts/get-host";
import { updateHost } from "@/lib/services/hosts/update-host";

export const dynamic = "force-dynamic";

// GET /api/v1/hosts/{id} – one host
export const GET = withApi({ auth: "viewer", params: idParams }, ({ actor, params }) => getHost(actor, params.id));

// PUT /api/v1/hosts/{id} – replace every writable field
export const PUT = withApi({ auth: "editor", params: idParams, body: hostSchema }, ({ actor, params, body }) =>
  updateHost(actor, params.id, { put: body }));

// PATCH /api/v1/hosts/{id} – change some fields
export const PATCH = withApi({ auth: "editor", params: idParams, body: hostPatchSchema }, ({ actor, params, body }) =>
  updateHost(actor, params.id, { patch: body }));

// DELETE /api/v1/hosts/{id} – delete a host
export const DELETE = withApi({ auth: "editor", params: idParams }, async ({ actor, params }) => {
  await deleteHost(actor, params.id);
  return noContent();
});
