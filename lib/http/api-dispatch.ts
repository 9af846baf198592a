import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { Readable } from "node:stream";
import { apiRouteTable, type RouteMatch } from "./api-route-table";
import { requestFailed } from "./request-failed";

// /api/v1 route handlers called by our own HTTP server, without Next's
// router and route runtime in between. Next's share of a request (routing,
// its request and response adapters, its async contexts) cost about 1 ms of
// CPU per call, as much as an allocation's own work; calling the handler
// directly halves the cost of a small API call (docs/benchmarks.md).
//
// Nothing is defined twice: the routes, their order and next.config.ts's
// headers come from the build's manifests, and the handlers are the very
// modules Next loads (the same files through the same require cache, so one
// copy of every module and its state). The request and response cross over
// as Next's own adapters do it: the URL Next would give the handler, the
// config headers first and the handler's after them, gzip by Next's own
// compression middleware. Whatever the table does not answer with certainty
// goes to Next: a path no route has, a method the route does not export
// (Next's HEAD, OPTIONS and 405), a trailing slash or `%` in the path, and
// a route's first call (its module loads meanwhile).
// Pages, server actions and sign-in never come here.

type RouteHandler = (req: Request, ctx: { params: Promise<RouteMatch["params"]> }) => Promise<Response>;
type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** Takes the request and answers it (true), or leaves it to Next (false). */
export type ApiDispatch = (req: IncomingMessage, res: ServerResponse) => boolean;

const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);
/** Never copied from a handler's Response: Node frames the body itself (Next leaves them out too). */
const FRAMING = new Set(["content-length", "content-encoding", "transfer-encoding"]);
/** Headers a handler may add to one the config already set (Next's list). */
const REPEATABLE = new Set(["set-cookie", "www-authenticate", "proxy-authenticate", "vary"]);

export interface ApiDispatchOptions {
  distDir: string;
  /** What the server listens on: Next gives handlers `http://<host>:<port><path>` as the URL. */
  host: string;
  port: number;
  /** next.config's `compress` (default on). */
  compress: boolean;
}

/** The dispatcher, or null (every request to Next) when the build lacks what it needs. */
export function apiDispatch({ distDir, host, port, compress }: ApiDispatchOptions): ApiDispatch | null {
  const routesFile = path.resolve(distDir, "routes-manifest.json");
  const pathsFile = path.resolve(distDir, "server", "app-paths-manifest.json");
  if (!existsSync(routesFile) || !existsSync(pathsFile)) return null;
  const table = apiRouteTable(JSON.parse(readFileSync(routesFile, "utf8")));
  if (!table) return null;
  const files = JSON.parse(readFileSync(pathsFile, "utf8")) as Record<string, string>;
  const projectRequire = createRequire(path.resolve("package.json"));
  let gzip: { middleware: Middleware; release: (res: ServerResponse) => void } | null = null;
  if (compress) {
    try {
      gzip = {
        middleware: (projectRequire("next/dist/compiled/compression") as () => Middleware)(),
        release: (projectRequire("next/dist/server/lib/release-compression-stream") as { releaseCompressionStream: (res: ServerResponse) => void }).releaseCompressionStream,
      };
    } catch {
      return null; // a Next without them: Next compresses, so Next answers
    }
  }
  const authority = `${host.includes(":") ? `[${host}]` : host}:${port}`;
  /** Each route's exported handlers; null: not an app route handler (Next answers); "loading": Next answers meanwhile. */
  const loaded = new Map<string, Record<string, RouteHandler> | null | "loading">();

  function handlersOf(page: string): Record<string, RouteHandler> | null {
    const known = loaded.get(page);
    if (known !== undefined) return known === "loading" ? null : known;
    loaded.set(page, "loading");
    void loadHandlers(page).then((handlers) => loaded.set(page, handlers));
    return null;
  }

  /** The module Next loads for the route, its handlers once Next's lazy loader has them. */
  async function loadHandlers(page: string): Promise<Record<string, RouteHandler> | null> {
    const file = files[`${page}/route`];
    if (!file) return null;
    try {
      type RouteModule = { ensureUserland?: () => Promise<void>; userland?: unknown };
      const { routeModule } = projectRequire(path.resolve(distDir, "server", file)) as { routeModule?: RouteModule };
      await routeModule?.ensureUserland?.();
      const userland = routeModule?.userland;
      return userland && typeof userland === "object" ? (userland as Record<string, RouteHandler>) : null;
    } catch (error) {
      console.error(`Loading the route ${page} failed, Next answers it: ${(error as Error).message}`);
      return null;
    }
  }

  async function answer(req: IncomingMessage, res: ServerResponse, handler: RouteHandler, route: RouteMatch, pathname: string) {
    for (const [name, value] of table!.headersFor(pathname)) res.setHeader(name, value);
    if (gzip) {
      gzip.middleware(req, res, () => {});
      // As Next does: a client that goes away mid-answer would otherwise leave the zlib stream behind.
      res.once("close", () => res.writableFinished || gzip!.release(res));
    }
    const response = await handler(await toRequest(req, res, authority), { params: Promise.resolve(route.params) });
    await send(res, response);
  }

  return (req, res) => {
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const pathname = query < 0 ? url : url.slice(0, query);
    if (!METHODS.has(req.method ?? "")) return false;
    const route = table.match(pathname);
    const handler = route && handlersOf(route.page)?.[req.method!];
    if (!route || typeof handler !== "function") return false;
    answer(req, res, handler, route, pathname).catch((error: unknown) => requestFailed(req, res, error));
    return true;
  };
}

/** A body this small (declared by Content-Length) is read before the handler runs: one Buffer instead of a Node-to-Web stream. */
const SMALL_BODY = 64 * 1024;

/** The Web Request a route handler takes, as Next builds it (headers as our server prepared them). */
async function toRequest(req: IncomingMessage, res: ServerResponse, authority: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const https = headers.get("x-forwarded-proto")?.includes("https") || "encrypted" in req.socket;
  // The handler's signal ends when the client goes away before the answer is done (a live scan stops).
  const abort = new AbortController();
  res.once("close", () => res.writableFinished || abort.abort());
  const method = req.method!;
  const length = Number(req.headers["content-length"] ?? NaN);
  // Node holds a body to its declared length, so a small one costs at most SMALL_BODY here; others stream.
  const body = method === "GET" ? undefined : length <= SMALL_BODY ? await readAll(req) : (Readable.toWeb(req) as ReadableStream<Uint8Array>);
  return new Request(`${https ? "https" : "http"}://${authority}${req.url}`, { method, headers, body, signal: abort.signal, duplex: "half" } as RequestInit);
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  response.headers.forEach((value, name) => {
    if (FRAMING.has(name) || name === "set-cookie") return;
    if (REPEATABLE.has(name) || res.getHeader(name) === undefined) res.appendHeader(name, value);
  });
  for (const cookie of response.headers.getSetCookie()) res.appendHeader("set-cookie", cookie);
  if (!response.body) return void res.end();
  const reader = response.body.getReader();
  let closed = false;
  // A client that goes away stops the source (a cancelled read answers done).
  res.once("close", () => {
    closed = true;
    if (!res.writableFinished) reader.cancel().catch(() => {});
  });
  // Each chunk written as it comes (most answers are one: Response.json), waiting while the client is
  // slower than us; then ended. Never end(chunk): it would let the gzip middleware see the length and
  // send a body under 1 KiB uncompressed, where Next compresses it (e2e/api-dispatch.spec.ts compares).
  for (;;) {
    const { done, value } = await reader.read();
    if (closed) return;
    if (done) return void res.end();
    if (!res.write(value)) await drainedOrClosed(res);
  }
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("close", done);
      resolve();
    };
    res.once("drain", done);
    res.once("close", done);
  });
}
