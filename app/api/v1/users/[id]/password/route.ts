import { withApi } from "@/lib/api/with-api";
import { idParams } from "@/lib/api/params";
import { resetUserPassword } from "@/lib/services/users/reset-user-password";

export const dynamic = "force-dynamic";

// POST /api/v1/users/{id}/password – set or generate a user's password (admin); ends their sessions
export const POST = withApi({ auth: "admin", params: idParams, body: true }, async ({ actor, params, body }) => {
  const user = await resetUserPassword(actor, params.id, body as never);
  return Response.json(user, { headers: { "Cache-Control": "no-store" } });
});
