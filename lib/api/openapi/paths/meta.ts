import { z } from "zod";
import type { Operation } from "@/lib/api/openapi/operation";

const health = (status: string, database: string) =>
  z.object({ status: z.literal(status), engine: z.enum(["sqlite", "postgresql"]), database: z.literal(database) });

export const metaOperations: Operation[] = [
  { method: "get", path: "/health", tag: "Meta", summary: "Liveness and database check", auth: "public",
    description: "The database engine and whether it answers a query within 5 s. For load balancers: 503 takes the instance out of rotation. Never shows connection details.",
    responses: {
      200: { schema: health("ok", "reachable"), description: "Up: the database answers" },
      503: { schema: health("unavailable", "unreachable"), description: "The database does not answer" },
    } },
  { method: "get", path: "/openapi.json", tag: "Meta", summary: "This OpenAPI document", auth: "public",
    responses: { 200: { schema: z.looseObject({}), description: "OpenAPI 3.1" } } },
  { method: "get", path: "/docs", tag: "Meta", summary: "Interactive API reference (works offline)", auth: "public",
    responses: { 200: { schema: null, raw: "text/html", description: "HTML page" } } },
];
