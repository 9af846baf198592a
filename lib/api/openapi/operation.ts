import type { z } from "zod";
import type { Role } from "@/lib/auth/roles";

/**
 * One /api/v1 operation, described with the same zod schemas the route and
 * the service validate with. build-openapi.ts renders a list of these.
 * lib/api/openapi/paths/ holds the core API's; plugins describe their own
 * (plugins/registry.ts); app/api/v1/openapi.json/document.ts joins them.
 */
export interface Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  tag: string;
  summary: string;
  description?: string;
  auth: Role | "public";
  query?: z.ZodObject;
  /** Request body; `bulk` also accepts an array of it. */
  body?: { schema: z.ZodType; bulk?: boolean };
  /** Success status → schema (null: no body). */
  responses: Record<number, { schema: z.ZodType | null; description: string; raw?: string }>;
  /** Error statuses beyond 401/403 (added for authenticated operations). */
  errors?: number[];
}
