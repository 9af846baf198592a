import { withApi } from "@/lib/api/with-api";
import { changeListQuery } from "@/lib/schemas/change";
import { listChanges } from "@/lib/services/changes/list-changes";

export const dynamic = "force-dynamic";

// GET /api/v1/changes – the change log, newest first, filtered (viewer; users' and tokens' records: admin)
export const GET = withApi({ auth: "viewer", query: changeListQuery }, ({ actor, query }) => listChanges(actor, query));
