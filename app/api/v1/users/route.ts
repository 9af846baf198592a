import { withApi } from "@/lib/api/with-api";
import { userListQuery } from "@/lib/schemas/user";
import { createUser } from "@/lib/services/users/create-user";
import { listUsers } from "@/lib/services/users/list-users";

export const dynamic = "force-dynamic";

// GET /api/v1/users – list and search users (admin)
export const GET = withApi({ auth: "admin", query: userListQuery }, ({ actor, query }) => listUsers(actor, query));

// POST /api/v1/users – create a user (admin); a generated password is in this response only
export const POST = withApi({ auth: "admin", body: true }, async ({ actor, body }) => {
  const user = await createUser(actor, body as never);
  // no-store: the response may carry the only copy of a password.
  return Response.json(user, { status: 201, headers: { Location: `/api/v1/users/${user.id}`, "Cache-Control": "no-store" } });
});
