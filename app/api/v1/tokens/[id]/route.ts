import { withApi } from "@/lib/api/with-api";
import { idParams } from "@/lib/api/params";
import { noContent } from "@/lib/api/responses";
import { deleteApiToken } from "@/lib/services/tokens/delete-api-token";
import { renameApiToken } from "@/lib/services/tokens/rename-api-token";

export const dynamic = "force-dynamic";

// PATCH /api/v1/tokens/{id} – rename an API token (own, or any for an admin); nothing else about a token can change
export const PATCH = withApi({ auth: "viewer", params: idParams, body: true }, async ({ actor, params, body }) =>
  renameApiToken(actor, params.id, body as never),
);

// DELETE /api/v1/tokens/{id} – revoke an API token (own, or any for an admin)
export const DELETE = withApi({ auth: "viewer", params: idParams }, async ({ actor, params }) => {
  await deleteApiToken(actor, params.id);
  return noContent();
});
