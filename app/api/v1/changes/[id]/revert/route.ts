import { withApi } from "@/lib/api/with-api";
import { idParams } from "@/lib/api/params";
import { revertChange } from "@/lib/services/changes/revert-change";

export const dynamic = "force-dynamic";

// POST /api/v1/changes/{id}/revert – undo one change record (X-Change-Message: the revert's message)
export const POST = withApi({ auth: "editor", params: idParams }, ({ actor, params }) => revertChange(actor, params.id));
