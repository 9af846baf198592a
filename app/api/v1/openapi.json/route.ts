import { withApi } from "@/lib/api/with-api";
import { buildOpenApi } from "@/lib/api/openapi/build-openapi";

let cached: object | undefined;

// GET /api/v1/openapi.json – the OpenAPI 3.1 document (public)
export const GET = withApi({ auth: "public" }, async () => (cached ??= buildOpenApi()));
