import { z } from "zod";
import { apiTokenOut, createApiTokenSchema, createdApiTokenOut, listApiTokensQuery, renameApiTokenSchema } from "@/lib/schemas/api-token";
import type { Operation } from "@/lib/api/openapi/operation";

const items = <T extends z.ZodType>(s: T) => z.object({ items: z.array(s) });
const fixed = "A token's role, read-only flag, client networks, expiry and owner are fixed when it is made; sending any of them is a 422 and changes nothing.";
const readOnly = "A read-only token is refused (403) on every method but GET and HEAD. A token with allowed_cidrs is refused (401) from any other client address.";

export const tokenOperations: Operation[] = [
  { method: "get", path: "/tokens", tag: "API tokens", summary: "List your API tokens (admins: ?all=true for everyone's)", auth: "viewer", query: listApiTokensQuery,
    responses: { 200: { schema: items(apiTokenOut), description: "Tokens (hints only, never the token or its hash)" } }, errors: [400] },
  { method: "post", path: "/tokens", tag: "API tokens", summary: "Create an API token for yourself", auth: "viewer", body: { schema: createApiTokenSchema },
    description: `The role is at most your own (admins: any); made through a token, also no wider networks and no later expiry than that token's (403). ${readOnly}`,
    responses: { 201: { schema: createdApiTokenOut, description: "The token is shown in this response only" } }, errors: [400, 413, 422] },
  { method: "patch", path: "/tokens/{id}", tag: "API tokens", summary: "Rename an API token (yours; admins: any)", auth: "viewer", body: { schema: renameApiTokenSchema },
    description: fixed, responses: { 200: { schema: apiTokenOut, description: "The token" } }, errors: [400, 404, 413, 422] },
  { method: "delete", path: "/tokens/{id}", tag: "API tokens", summary: "Revoke an API token (yours; admins: any)", auth: "viewer",
    responses: { 204: { schema: null, description: "Revoked: the next request with it is a 401" } }, errors: [404] },
];
