import { withApi } from "@/lib/api/with-api";
import { idParams } from "@/lib/api/params";
import { noContent } from "@/lib/api/responses";
import { deleteUser } from "@/lib/services/users/delete-user";
import { getUser } from "@/lib/services/users/get-user";
import { updateUser } from "@/lib/services/users/update-user";

export const dynamic = "force-dynamic";

// GET /api/v1/users/{id} – one user (admin)
export const GET = withApi({ auth: "admin", params: idParams }, ({ actor, params }) => getUser(actor, params.id));

// PATCH /api/v1/users/{id} – change name, role or disabled (admin); 409 last_admin
export const PATCH = withApi({ auth: "admin", params: idParams, body: true }, ({ actor, params, body }) =>
  updateUser(actor, params.id, body as never));

// DELETE /api/v1/users/{id} – delete a user and their tokens and sessions (admin); 409 last_admin
export const DELETE = withApi({ auth: "admin", params: idParams }, async ({ actor, params }) => {
  await deleteUser(actor, params.id);
  return noContent();
});
