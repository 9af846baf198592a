import { withApi } from "@/lib/api/with-api";
import { idParams } from "@/lib/api/params";
import { allocateSchema } from "@/lib/schemas/host";
import { allocateIp } from "@/lib/services/ip/allocate-ip";

export const dynamic = "force-dynamic";

// POST /api/v1/ip/networks/{id}/allocate – create host(s) at the next free address(es), atomically
export const POST = withApi({ auth: "editor", params: idParams, body: allocateSchema }, async ({ actor, params, body }) => {
  const result = await allocateIp(actor, params.id, body);
  const location = "items" in result ? `/api/v1/networks/${params.id}/hosts` : `/api/v1/hosts/${result.id}`;
  return Response.json(result, { status: 201, headers: { Location: location } });
});
