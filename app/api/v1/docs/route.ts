import { withApi } from "@/lib/api/with-api";
import { DOCS_HTML } from "@/lib/api/swagger-assets";

// GET /api/v1/docs – interactive API reference (public, no CDN)
export const GET = withApi({ auth: "public" }, async () =>
  new Response(DOCS_HTML, { headers: { "content-type": "text/html; charset=utf-8" } }));
