import { withApi } from "@/lib/api/with-api";
import { created } from "@/lib/api/responses";
import { createApiToken } from "@/lib/services/tokens/create-api-token";
import { listApiTokens } from "@/lib/services/tokens/list-api-tokens";
import { serializeApiToken } from "@/lib/services/tokens/serialize-api-token";

export const dynamic = "force-dynamic";

// GET /api/v1/tokens – list API tokens (admin)
export const GET = withApi({ auth: "admin" }, async ({ actor }) => ({ items: await listApiTokens(actor) }));

// POST /api/v1/tokens – create an API token (admin); the token is in this response only
export const POST = withApi({ auth: "admin", body: true }, async ({ actor, body }) => {
  const { token, record } = await createApiToken(actor, body as never);
  return created({ ...serializeApiToken(record), token }, `/api/v1/tokens/${record.id}`);
});
