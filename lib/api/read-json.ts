import { AppError } from "@/lib/errors";
import { readCappedBody } from "@/lib/http/read-capped-body";

/** Bulk imports of 10,000 hosts fit comfortably; anything larger is refused while it streams in. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

// fatal: invalid UTF-8 is refused rather than silently turned into U+FFFD
// (the stored value would differ from what was sent). A leading BOM is dropped.
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The request body as JSON: 413 once it passes 5 MB (declared or streamed), 400 when not UTF-8, malformed or empty. */
export async function readJson(req: Request): Promise<unknown> {
  const bytes = await readCappedBody(req, MAX_BODY_BYTES, tooLarge);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new AppError("bad_request", "Request body is not valid UTF-8");
  }
  if (text.trim() === "") throw new AppError("bad_request", "Request body is empty; send JSON");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("bad_request", `Malformed JSON: ${(error as Error).message}`);
  }
}

function tooLarge(): AppError {
  return new AppError("payload_too_large", `Request body exceeds ${MAX_BODY_BYTES / 1024 / 1024} MB`, { max_bytes: MAX_BODY_BYTES });
}
