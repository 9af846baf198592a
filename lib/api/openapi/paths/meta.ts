import { z } from "zod";
import type { Operation } from "@/lib/api/openapi/operation";

export const metaOperations: Operation[] = [
  { method: "get", path: "/health", tag: "Meta", summary: "Liveness and database check", auth: "public",
    responses: { 200: { schema: z.object({ status: z.string(), database: z.string() }), description: "Up" } } },
  { method: "get", path: "/openapi.json", tag: "Meta", summary: "This OpenAPI document", auth: "public",
    responses: { 200: { schema: z.looseObject({}), description: "OpenAPI 3.1" } } },
  { method: "get", path: "/docs", tag: "Meta", summary: "Interactive API reference (works offline)", auth: "public",
    responses: { 200: { schema: null, raw: "text/html", description: "HTML page" } } },
];
