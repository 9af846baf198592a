import { withApi } from "@/lib/api/with-api";
import { describePlugin, importers } from "@/plugins/registry";

export const dynamic = "force-dynamic";

// GET /api/v1/import – list the importers (name, kind, formats, description)
export const GET = withApi({ auth: "viewer" }, async () => ({ items: importers().map(describePlugin) }));
