import "server-only";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** The distinct ids, or a 404 listing those that do not exist (so a bulk action changes nothing). */
export async function assertHostsExist(tx: Tx, ids: number[]): Promise<number[]> {
  const unique = [...new Set(ids)];
  const found = new Set((await tx.host.findMany({ where: { id: { in: unique } }, select: { id: true } })).map((h) => h.id));
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length) {
    throw new AppError("not_found", `Host${missing.length === 1 ? "" : "s"} ${missing.slice(0, 20).join(", ")} not found`, { missing_ids: missing });
  }
  return unique;
}
