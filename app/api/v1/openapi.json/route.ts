import { withApi } from "@/lib/api/with-api";
import { openApiDocument } from "@/app/api/v1/openapi.json/document";

// GET /api/v1/openapi.json – the OpenAPI 3.1 document (public)
export const GET = withApi({ auth: "public" }, async () => openApiDocument());
