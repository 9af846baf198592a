import { readdirSync } from "node:fs";
import path from "node:path";

// Every route handler under app/api/v1, found on disk, so a new route file or
// a new exported method cannot be left out of a test that must cover them all.

export type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface ApiRoute {
  /** "METHOD /path" with the folder names as written ("PATCH /users/[id]"). */
  key: string;
  method: string;
  handler: Handler;
}

const ROOT = path.resolve(__dirname, "../../app/api/v1");

function routeFiles(): string[] {
  return readdirSync(ROOT, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => file.split(path.sep).join("/"))
    .sort();
}

/** Each exported HTTP method of each route file, imported as Next would. */
export async function apiRoutes(): Promise<ApiRoute[]> {
  const out: ApiRoute[] = [];
  for (const file of routeFiles()) {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    const route = `/${path.posix.dirname(file)}`.replace(/\/\.$/, "");
    for (const method of HTTP_METHODS) {
      if (typeof mod[method] === "function") out.push({ key: `${method} ${route}`, method, handler: mod[method] as Handler });
    }
  }
  return out;
}
