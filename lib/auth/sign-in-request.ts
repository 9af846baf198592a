import "server-only";
import { headers } from "next/headers";
import { clientAddress } from "@/lib/http/client-address";

/** Where a sign-in comes from, for the session list; unknown outside a request (the CLI, tests). */
export async function signInRequestInfo(): Promise<{ ipAddress: string | null; userAgent: string | null }> {
  let h: Headers;
  try {
    h = await headers();
  } catch {
    return { ipAddress: null, userAgent: null };
  }
  return { ipAddress: clientAddress(h), userAgent: h.get("user-agent") };
}
