import { withApi } from "@/lib/api/with-api";
import { changeListQuery } from "@/lib/schemas/change";
import { listChangeGroups } from "@/lib/services/changes/list-change-groups";

export const dynamic = "force-dynamic";

// GET /api/v1/changes/groups – the change log as one row per request (an import, a bulk call), newest first (viewer)
export const GET = withApi({ auth: "viewer", query: changeListQuery }, ({ actor, query }) => listChangeGroups(actor, query));
