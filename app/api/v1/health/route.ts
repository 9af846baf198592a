import { pingDatabase } from "@/lib/db/raw";

export const dynamic = "force-dynamic";

// GET /api/v1/health – public liveness and database check
export async function GET() {
  try {
    await pingDatabase();
    return Response.json({ status: "ok", database: "ok" });
  } catch {
    return Response.json({ status: "error", database: "unreachable" }, { status: 503 });
  }
}
