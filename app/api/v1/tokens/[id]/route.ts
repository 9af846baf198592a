import { withApi } from "@/lib/api/with-api";
import { idParams } from "@/lib/api/params";
import { noContent } from "@/lib/api/responses";
import { deleteApiToken } from "@/lib/services/tokens/delete-api-token";

export const dynamic = "force-dynamic";

// DELETE /api/v1/tokens/{id} – revoke an API token (admin)
export const DELETE = withApi({ auth: "admin", params: idParams }, async ({ actor, params }) => {
  await deleteApiToken(actor, params.id);
  return noContent();
});
