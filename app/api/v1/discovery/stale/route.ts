import { withApi } from "@/lib/api/with-api";
import { staleHostsQuery } from "@/lib/schemas/discovery";
import { listStaleHosts } from "@/lib/services/discovery/list-stale-hosts";

// GET /api/v1/discovery/stale – hosts not seen for N days, oldest first (candidates to free; nothing is freed)
export const GET = withApi({ auth: "viewer", query: staleHostsQuery }, async ({ actor, query }) => listStaleHosts(actor, query));
