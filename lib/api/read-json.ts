import { AppError } from "@/lib/errors";

/** Bulk imports of 10,000 hosts fit comfortably; anything larger is refused before parsing. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** The request body as JSON: 413 when too large, 400 when malformed or empty. */
export async function readJson(req: Request): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw tooLarge();
  if (text.trim() === "") throw new AppError("bad_request", "Request body is empty; send JSON");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("bad_request", `Malformed JSON: ${(error as Error).message}`);
  }
}

function tooLarge(): AppError {
  return new AppError("payload_too_large", `Request body exceeds ${MAX_BODY_BYTES / 1024 / 1024} MB`);
}
