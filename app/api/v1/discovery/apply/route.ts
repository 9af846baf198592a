import { withApi } from "@/lib/api/with-api";
import { discoveryApplySchema } from "@/lib/schemas/discovery";
import { applyDiscovery } from "@/lib/services/discovery/apply-discovery";

// POST /api/v1/discovery/apply – apply the chosen rows of a change set, all or nothing
export const POST = withApi({ auth: "editor", body: discoveryApplySchema }, async ({ actor, body }) => applyDiscovery(actor, body));
