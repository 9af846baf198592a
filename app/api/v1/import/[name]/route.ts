import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { importerNames } from "@/plugins/define-plugin";
import { detectImporter } from "@/plugins/import/detect";
import { readUpload } from "@/plugins/import/read-upload";
import { importQuery } from "@/plugins/import/types";
import { importer, importers } from "@/plugins/registry";

export const dynamic = "force-dynamic";

const params = z.object({ name: z.enum([...importerNames, "auto"]) });
/**
 * What a signed-in browser may upload (the import page sends multipart): the
 * documented raw file types too. Same-origin is checked by withApi for every
 * cookie write (lib/api/cookie-write-guard.ts).
 */
const accepts = ["multipart/form-data", ...new Set(importers().flatMap((p) => p.formats.map((f) => f.mediaType)))];

// POST /api/v1/import/{name} – import a file (raw body or multipart "file"); name=auto goes by the file name
export const POST = withApi({ auth: "editor", params, query: importQuery, accepts }, async ({ actor, params, query, req }) => {
  const upload = await readUpload(req, query.filename);
  const name = params.name === "auto" ? detectImporter(upload) : params.name;
  const options = { type: query.type, dryRun: query.dry_run, onConflict: query.on_conflict, repair: query.repair };
  return { ...(await importer(name).run({ actor, upload, options })), dry_run: query.dry_run };
});
