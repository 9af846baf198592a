import { withApi } from "@/lib/api/with-api";
import { created } from "@/lib/api/responses";
import { listApiTokensQuery } from "@/lib/schemas/api-token";
import { createApiToken } from "@/lib/services/tokens/create-api-token";
import { listApiTokens } from "@/lib/services/tokens/list-api-tokens";
import { serializeApiToken } from "@/lib/services/tokens/serialize-api-token";

export const dynamic = "force-dynamic";

// GET /api/v1/tokens – the caller's own API tokens; ?all=true (admin) everyone's, with their owner
export const GET = withApi({ auth: "viewer", query: listApiTokensQuery }, async ({ actor, query }) => ({
  items: await listApiTokens(actor, { all: query.all }),
}));

// POST /api/v1/tokens – create an API token for the caller, with a role no higher than theirs; the token is in this response only
export const POST = withApi({ auth: "viewer", body: true }, async ({ actor, body }) => {
  const { token, record } = await createApiToken(actor, body as never);
  return created({ ...serializeApiToken(record), token }, `/api/v1/tokens/${record.id}`);
});
