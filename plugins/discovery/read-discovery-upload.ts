import "server-only";
import { AppError } from "@/lib/errors";
import { readUpload } from "@/plugins/import/read-upload";

/**
 * nmap XML of a /16 with names and MACs is ~20 MB, a lease file less. The
 * file is held in memory once (validated whole, then read one <host> or one
 * line at a time), so this cap bounds what one upload can cost.
 */
export const MAX_DISCOVERY_BYTES = 32 * 1024 * 1024;

/** The uploaded file (raw body or multipart "file"), at most MAX_DISCOVERY_BYTES. */
export async function readDiscoveryUpload(req: Request): Promise<Uint8Array> {
  const upload = await readUpload(req);
  if (upload.bytes.length > MAX_DISCOVERY_BYTES) {
    throw new AppError("payload_too_large", `A discovery file may be at most ${MAX_DISCOVERY_BYTES / 1024 / 1024} MB; split it by network`, { max_bytes: MAX_DISCOVERY_BYTES });
  }
  return upload.bytes;
}
