import { z } from "zod";
import { createApiTokenSchema, apiTokenOut, createdApiTokenOut } from "@/lib/schemas/api-token";
import type { Operation } from "@/lib/api/openapi/operation";

const items = <T extends z.ZodType>(s: T) => z.object({ items: z.array(s) });

export const tokenOperations: Operation[] = [
  { method: "get", path: "/tokens", tag: "API tokens", summary: "List API tokens", auth: "admin", responses: { 200: { schema: items(apiTokenOut), description: "Tokens (hints only)" } } },
  { method: "post", path: "/tokens", tag: "API tokens", summary: "Create an API token", auth: "admin", body: { schema: createApiTokenSchema },
    responses: { 201: { schema: createdApiTokenOut, description: "The token is shown in this response only" } }, errors: [400, 413, 422] },
  { method: "delete", path: "/tokens/{id}", tag: "API tokens", summary: "Revoke an API token", auth: "admin", responses: { 204: { schema: null, description: "Revoked" } } },
];
