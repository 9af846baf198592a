import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import next from "next";
import { apiDispatch } from "./api-dispatch";
import { prepareForwardedHeaders, type ForwardingPolicy } from "./forwarded-headers";
import { requestFailed } from "./request-failed";
import { listeningAllowed, nowListening } from "@/lib/boot/listen-gate";
import { loadEnv } from "@/lib/env";
import { assignRequestId } from "./request-id";

export interface ProductionServerOptions {
  host: string;
  port: number;
  policy: ForwardingPolicy;
}

/**
 * Next's request handler (the production build in NEXT_DIST_DIR) behind a
 * plain Node HTTP server that prepares each request's forwarded and peer
 * headers first (Next 16 custom server), and calls the /api/v1 route
 * handlers itself (./api-dispatch.ts). Resolves once it listens.
 */
export async function startProductionServer({ host, port, policy }: ProductionServerOptions): Promise<Server> {
  const distDir = loadEnv().NEXT_DIST_DIR;
  const config = useBuiltConfig(distDir);
  const app = next({ dev: false, dir: process.cwd(), hostname: host, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // /api/v1 calls go straight to their route handlers (./api-dispatch.ts); everything else to Next.
  const api = apiDispatch({ distDir, host, port, compress: config?.compress !== false });
  await listeningAllowed();
  const server = createServer((req, res) => {
    prepareForwardedHeaders(req.headers, req.socket.remoteAddress, policy);
    res.setHeader("X-Request-ID", assignRequestId(req.headers));
    if (api?.(req, res)) return;
    handle(req, res).catch((error: unknown) => requestFailed(req, res, error));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  nowListening();
  preloadRoutes(app);
  return server;
}

/** How long after listening the routes' code loads: the first requests of a start come first. */
const PRELOAD_AFTER_MS = 1000;

/**
 * Loads every route's code shortly after the server listens. Next would
 * load it before listening (preloadEntriesOnStart), which next.config.ts
 * turns off so that the server answers sooner; loading it at once would
 * hold those first answers back just the same (it takes the event loop for
 * about 0.5 s). Loaded here, a route's first call does not pay for it.
 * `unstable_preloadEntries` is Next's own (not public) method: should a Next
 * upgrade drop it, routes load at their first request.
 */
function preloadRoutes(app: ReturnType<typeof next>): void {
  type Inner = { unstable_preloadEntries?: () => Promise<void> };
  const wrapper = (app as unknown as { server?: { getServer?: () => Promise<Inner> } }).server;
  setTimeout(() => {
    void wrapper?.getServer?.()
      .then((inner) => inner.unstable_preloadEntries?.())
      .catch((error: unknown) => console.error(`Preloading the routes failed: ${(error as Error).message}`));
  }, PRELOAD_AFTER_MS).unref();
}

/**
 * The config `next build` wrote beside the build, as Next's own standalone
 * server passes it: Next then uses it instead of compiling and running
 * next.config.ts again at every start (0.3-0.8 s of a 3 s cold start). The
 * headers() rules are not in it; Next reads them from the build's routes
 * manifest either way. Returns that config (null without a build).
 */
function useBuiltConfig(distDir: string): { compress?: boolean } | null {
  const file = path.resolve(distDir, "required-server-files.json");
  if (!existsSync(file)) return null;
  const { config } = JSON.parse(readFileSync(file, "utf8")) as { config: { compress?: boolean } };
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(config);
  return config;
}
