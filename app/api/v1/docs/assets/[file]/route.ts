import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { AppError } from "@/lib/errors";
import { readSwaggerAsset, SWAGGER_INIT } from "@/lib/api/swagger-assets";

const CACHE = "public, max-age=86400";

// GET /api/v1/docs/assets/{file} – Swagger UI files from node_modules (allow-list only)
export const GET = withApi({ auth: "public", params: z.object({ file: z.string() }) }, async ({ params }) => {
  if (params.file === "init.js") {
    return new Response(SWAGGER_INIT, { headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": CACHE } });
  }
  const asset = await readSwaggerAsset(params.file);
  if (!asset) throw new AppError("not_found", "No such file");
  return new Response(new Uint8Array(asset.bytes), { headers: { "content-type": asset.type, "cache-control": CACHE } });
});
