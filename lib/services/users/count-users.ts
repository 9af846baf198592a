import "server-only";
import { getDb, type Tx } from "@/lib/db/client";

/** Zero users means the install is new and /setup creates the first admin. */
export async function countUsers(tx?: Tx): Promise<number> {
  return (tx ?? getDb()).user.count();
}
