// THE way a request body is read into memory (JSON API bodies, import
// uploads): never more than `maxBytes`. A declared Content-Length over the
// cap is refused before reading; otherwise the bytes are counted as they
// stream in and reading stops at the first chunk past the cap, so a chunked
// body (no Content-Length) or one that lies about its length cannot make the
// server buffer more than the cap plus one chunk.

/** The whole body (empty when there is none); throws `tooLarge()` as soon as it passes `maxBytes`. */
export async function readCappedBody(req: Request, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  if (Number(req.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Tells the sender to stop; the rest of the body is never read.
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}
