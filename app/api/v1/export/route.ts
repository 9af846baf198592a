import { withApi } from "@/lib/api/with-api";
import { describePlugin, exporters } from "@/plugins/registry";

export const dynamic = "force-dynamic";

// GET /api/v1/export – list the exporters (name, kind, formats, description)
export const GET = withApi({ auth: "viewer" }, async () => ({ items: exporters().map(describePlugin) }));
