// Calls route handlers with any body (raw text, bytes, a stream, multipart)
// the way Next does; tests/api/client.ts covers the JSON-only case.

// Route params differ per route; the handlers are only called, never typed against.
type Handler = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;

export interface SendOptions {
  token?: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: BodyInit;
  headers?: Record<string, string>;
  base?: string;
}

export async function send(handler: Handler, method: string, path: string, options: SendOptions = {}) {
  const url = new URL(`${options.base ?? "http://localhost/api/v1"}${path}`);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const init: RequestInit & { duplex?: "half" } = { method, headers, body: options.body };
  if (options.body instanceof ReadableStream) init.duplex = "half";
  const response = await handler(new Request(url, init), { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** A body of `bytes` bytes that declares no length (a chunked upload). */
export function streamOf(bytes: number, chunk = 1024 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const n = Math.min(chunk, bytes - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n).fill(0x61));
    },
  });
}
