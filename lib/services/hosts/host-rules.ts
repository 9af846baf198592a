import "server-only";
import type { Queryable } from "@/lib/db/raw";
import { AppError } from "@/lib/errors";
import type { Host } from "@/lib/generated/prisma/client";

// The host rules themselves are checkHosts (check-hosts.ts); this is the shared load.

export async function loadHost(q: Queryable, id: number): Promise<Host> {
  const row = await q.host.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", `Host ${id} not found`);
  return row;
}
