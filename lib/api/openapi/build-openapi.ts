import { z } from "zod";
import { errorOut } from "@/lib/schemas/responses";
import type { Operation } from "@/lib/api/openapi/operation";

// OpenAPI 3.1 from a list of operations (the caller joins the core API's and
// the plugins'). Request schemas use zod's "input" view (what a client may
// send), responses the "output" view.

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json;
  return rest;
}

const ERROR_TEXT: Record<number, string> = {
  400: "bad_request: malformed JSON or an invalid query parameter",
  401: "unauthorized: no or invalid credentials",
  403: "forbidden: the role is not enough, or a cookie-authenticated write from another origin",
  404: "not_found",
  409: "conflict (also network_full, network_not_empty)",
  413: "payload_too_large",
  415: "unsupported_media_type: a cookie-authenticated write must send Content-Type: application/json (or the import's file types)",
  422: "validation_error: details maps each field to its messages",
};

/** Query parameters: the parsed (output) type reads best (integer 1–1000), unless only the input is representable. */
function parameters(op: Operation): Json[] {
  const params: Json[] = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name, in: "path", required: true, schema: name === "id" ? { type: "integer", minimum: 1 } : { type: "string" },
  }));
  if (!op.query) return params;
  const input = jsonSchema(op.query, "input").properties as Record<string, Json>;
  const output = jsonSchema(op.query, "output").properties as Record<string, Json>;
  const required = (jsonSchema(op.query, "input").required as string[] | undefined) ?? [];
  for (const [name, inSchema] of Object.entries(input)) {
    const outSchema = output[name];
    const useOut = outSchema && (outSchema.type === "integer" || outSchema.type === "number" || outSchema.enum);
    const schema = useOut ? outSchema : inSchema;
    params.push({ name, in: "query", required: required.includes(name), schema, description: (inSchema.description ?? outSchema?.description) as string | undefined });
  }
  return params;
}

function operation(op: Operation): Json {
  const responses: Json = {};
  for (const [status, r] of Object.entries(op.responses)) {
    responses[status] = r.schema
      ? { description: r.description, content: { "application/json": { schema: jsonSchema(r.schema, "output") } } }
      : r.raw ? { description: r.description, content: { [r.raw]: { schema: { type: "string" } } } } : { description: r.description };
  }
  const cookieWrite = op.auth !== "public" && op.method !== "get" ? [415] : [];
  const errors = [...(op.auth === "public" ? [] : [401, 403]), ...(op.path.includes("{") ? [404] : []), ...cookieWrite, ...(op.errors ?? [])];
  for (const status of errors) {
    responses[status] = { description: ERROR_TEXT[status], content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  }
  const result: Json = {
    tags: [op.tag], summary: op.summary, operationId: `${op.method}${op.path.replace(/[{}]/g, "").replace(/[^a-zA-Z0-9]+(\w)/g, (_, c: string) => c.toUpperCase())}`,
    parameters: parameters(op), responses,
  };
  if (op.description) result.description = op.description;
  if (op.auth === "public") result.security = [];
  else result["x-required-role"] = op.auth;
  if (op.body) {
    const one = jsonSchema(op.body.schema, "input");
    const schema = op.body.bulk ? { oneOf: [one, { type: "array", items: one, maxItems: 10000 }] } : one;
    result.requestBody = { required: true, content: { "application/json": { schema } } };
  }
  return result;
}

export function buildOpenApi(operations: readonly Operation[]): Json {
  const paths: Record<string, Json> = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method] = operation(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "IPAM REST API", version: "1.0.0",
      description: "Networks, hosts and IP allocation. Send `Authorization: Bearer <token>` (create one with `npm run admin -- token create --name <n> --role <admin|editor|viewer>`) or a session cookie. Roles: viewer reads, editor writes, admin everything.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    paths,
    components: {
      schemas: { Error: jsonSchema(errorOut, "output") },
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "API token (ipam_…)" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
    },
  };
}
