import { withApi } from "@/lib/api/with-api";
import { revertRequestSchema } from "@/lib/schemas/change";
import { revertRequest } from "@/lib/services/changes/revert-request";

export const dynamic = "force-dynamic";

// POST /api/v1/changes/revert – undo every record of one request, all or nothing (body { request_id })
export const POST = withApi({ auth: "editor", body: revertRequestSchema }, ({ actor, body }) => revertRequest(actor, body.request_id));
