import { withApi } from "@/lib/api/with-api";
import { created } from "@/lib/api/responses";
import { hostOrHostsSchema } from "@/lib/schemas/host";
import { hostListQuery } from "@/lib/schemas/list";
import { createHost } from "@/lib/services/hosts/create-host";
import { createHosts } from "@/lib/services/hosts/create-hosts";
import { listHosts } from "@/lib/services/hosts/list-hosts";

export const dynamic = "force-dynamic";

// GET /api/v1/hosts – list hosts (filters, sort, pagination)
export const GET = withApi({ auth: "viewer", query: hostListQuery }, ({ actor, query }) => listHosts(actor, query));

// POST /api/v1/hosts – create a host, or an array of hosts all or nothing
export const POST = withApi({ auth: "editor", body: hostOrHostsSchema }, async ({ actor, body }) => {
  if (Array.isArray(body)) return Response.json({ items: await createHosts(actor, body) }, { status: 201 });
  const host = await createHost(actor, body);
  return created(host, `/api/v1/hosts/${host.id}`);
});
