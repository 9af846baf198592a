import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The end of a request whose handling threw past every handler (Next's or
 * the API dispatcher's): logged, then a bare 500, or, once the answer has
 * begun, the connection cut, so that a client never takes what it got (a
 * half-sent download) for the whole answer.
 */
export function requestFailed(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  console.error(`Request ${req.method} ${req.url} failed: ${(error as Error).message}`);
  if (res.headersSent) return void res.destroy();
  res.statusCode = 500;
  res.end();
}
