import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { exporterNames } from "@/plugins/define-plugin";
import { downloadResponse } from "@/plugins/export/download-response";
import { exporter } from "@/plugins/registry";

export const dynamic = "force-dynamic";

const params = z.object({ name: z.enum(exporterNames) });

// GET /api/v1/export/{name} – download (csv/json: ?type=hosts|networks; all: the list filters), streamed
export const GET = withApi({ auth: "viewer", params }, async ({ actor, params, req }) =>
  downloadResponse(await exporter(params.name).run({ actor, params: new URL(req.url).searchParams })));
