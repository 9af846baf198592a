import "server-only";
import { AppError } from "@/lib/errors";
import type { Upload } from "@/plugins/import/types";

// The uploaded file, raw body or multipart field "file", never more than
// MAX_IMPORT_BYTES: the declared Content-Length is checked first, then the
// bytes actually streamed (a chunked upload declares nothing).

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

function tooLarge(): AppError {
  return new AppError("payload_too_large", `The upload exceeds ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split the file or import the SQLite database instead`, {
    max_bytes: MAX_IMPORT_BYTES,
  });
}

async function readLimited(body: ReadableStream<Uint8Array> | null): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_IMPORT_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

export async function readUpload(req: Request, filename?: string): Promise<Upload> {
  if (Number(req.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES) throw tooLarge();
  const bytes = await readLimited(req.body);
  const contentType = req.headers.get("content-type") ?? "";
  if (/^multipart\/form-data/i.test(contentType)) {
    const form = await new Response(new Uint8Array(bytes), { headers: { "content-type": contentType } }).formData().catch(() => {
      throw new AppError("bad_request", "The multipart body cannot be read");
    });
    const file = form.get("file");
    if (!(file instanceof Blob)) throw new AppError("bad_request", 'Send the file in a multipart field named "file"');
    const name = "name" in file && typeof file.name === "string" && file.name ? file.name : (filename ?? null);
    return { filename: name, mediaType: file.type || null, bytes: Buffer.from(await file.arrayBuffer()) };
  }
  if (bytes.length === 0) throw new AppError("bad_request", "The request body is empty; send the file (or multipart with a field named file)");
  return { filename: filename ?? null, mediaType: contentType.split(";")[0].trim().toLowerCase() || null, bytes };
}
