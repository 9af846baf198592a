import { withApi } from "@/lib/api/with-api";
import { idParams } from "@/lib/api/params";
import { getChange } from "@/lib/services/changes/get-change";

export const dynamic = "force-dynamic";

// GET /api/v1/changes/{id} – one change record with its before and after (viewer; users' and tokens' records: admin)
export const GET = withApi({ auth: "viewer", params: idParams }, ({ actor, params }) => getChange(actor, params.id));
