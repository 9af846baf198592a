import "server-only";
import { AppError } from "@/lib/errors";
import { readCappedBody } from "@/lib/http/read-capped-body";
import type { Upload } from "@/plugins/import/types";

// The uploaded file, raw body or multipart field "file", never more than
// MAX_IMPORT_BYTES (readCappedBody: the declared Content-Length first, then
// the bytes actually streamed; a chunked upload declares nothing).

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

function tooLarge(): AppError {
  return new AppError("payload_too_large", `The upload exceeds ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split the file or import the SQLite database instead`, {
    max_bytes: MAX_IMPORT_BYTES,
  });
}

export async function readUpload(req: Request, filename?: string): Promise<Upload> {
  const bytes = await readCappedBody(req, MAX_IMPORT_BYTES, tooLarge);
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
