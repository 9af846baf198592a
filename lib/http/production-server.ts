import { createServer, type Server } from "node:http";
import next from "next";
import { prepareForwardedHeaders, type ForwardingPolicy } from "./forwarded-headers";
import { assignRequestId } from "./request-id";

export interface ProductionServerOptions {
  host: string;
  port: number;
  policy: ForwardingPolicy;
}

/**
 * Next's request handler (the production build in NEXT_DIST_DIR) behind a
 * plain Node HTTP server that prepares each request's forwarded and peer
 * headers first (Next 16 custom server). Resolves once it listens.
 */
export async function startProductionServer({ host, port, policy }: ProductionServerOptions): Promise<Server> {
  const app = next({ dev: false, dir: process.cwd(), hostname: host, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    prepareForwardedHeaders(req.headers, req.socket.remoteAddress, policy);
    res.setHeader("X-Request-ID", assignRequestId(req.headers));
    handle(req, res).catch((error: unknown) => {
      console.error(`Request ${req.method} ${req.url} failed: ${(error as Error).message}`);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return server;
}
