import { z } from "zod";
import { intParam } from "@/lib/schemas/list";

/** `{id}` path segments: a positive integer, else the resource does not exist (404). */
export const idParams = z.object({ id: intParam("id", 1, 2 ** 31 - 1) });

/**
 * `{address}`: percent-decoded ("2001%3Adb8%3A%3A1"). A malformed escape
 * ("%E0%A4%A") is left as it is, so the service answers 422 for a bad address
 * instead of decodeURIComponent throwing a 500.
 */
export const addressParams = z.object({ address: z.string().transform(decodePathSegment) });

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
