import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { importerNames } from "@/plugins/define-plugin";
import { detectImporter } from "@/plugins/import/detect";
import { assertSameOrigin, readUpload } from "@/plugins/import/read-upload";
import { importQuery } from "@/plugins/import/types";
import { importer } from "@/plugins/registry";

export const dynamic = "force-dynamic";

const params = z.object({ name: z.enum([...importerNames, "auto"]) });

// POST /api/v1/import/{name} – import a file (raw body or multipart "file"); name=auto goes by the file name
export const POST = withApi({ auth: "editor", params, query: importQuery }, async ({ actor, params, query, req }) => {
  assertSameOrigin(req);
  const upload = await readUpload(req, query.filename);
  const name = params.name === "auto" ? detectImporter(upload) : params.name;
  const options = { type: query.type, dryRun: query.dry_run, onConflict: query.on_conflict, repair: query.repair };
  return { ...(await importer(name).run({ actor, upload, options })), dry_run: query.dry_run };
});
