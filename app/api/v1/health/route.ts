import { dbEngine } from "@/lib/db/client";
import { pingDatabase } from "@/lib/db/raw";

export const dynamic = "force-dynamic";

// GET /api/v1/health – public: the engine and whether the database answers (503 when it does not).
// Nothing of the connection (host, user, error text) is shown: the probe is public.
export async function GET() {
  const engine = dbEngine();
  const headers = { "Cache-Control": "no-store" };
  try {
    await pingDatabase();
    return Response.json({ status: "ok", engine, database: "reachable" }, { headers });
  } catch {
    return Response.json({ status: "unavailable", engine, database: "unreachable" }, { status: 503, headers });
  }
}
