import "server-only";
import type { Db } from "@/lib/db/client";
import type { Host, Network, Prisma } from "@/lib/generated/prisma/client";

// Keyset pagination in address order: each batch starts after the last key
// of the previous one, so batch N costs the same as batch 1 and an export
// never holds more than one batch of rows.

export const BATCH_SIZE = 2000;

async function* byIpKey<R extends { ipKey: string }>(fetch: (where: Prisma.HostWhereInput) => Promise<R[]>, where: Prisma.HostWhereInput, size: number): AsyncGenerator<R[]> {
  let after: string | null = null;
  for (;;) {
    const rows = await fetch(after === null ? where : { AND: [where, { ipKey: { gt: after } }] });
    if (rows.length) yield rows;
    if (rows.length < size) return;
    after = rows[rows.length - 1].ipKey;
  }
}

export function hostBatches(db: Db, where: Prisma.HostWhereInput, size = BATCH_SIZE): AsyncGenerator<Host[]> {
  return byIpKey((w) => db.host.findMany({ where: w, orderBy: { ipKey: "asc" }, take: size }), where, size);
}

/** Only the chosen columns (ip_key, the cursor, included): half the time of whole rows at 100,000 hosts. */
export function hostColumnBatches<S extends Prisma.HostSelect & { ipKey: true }>(
  db: Db, where: Prisma.HostWhereInput, select: S, size = BATCH_SIZE,
): AsyncGenerator<Array<Prisma.HostGetPayload<{ select: S }>>> {
  const fetch = (w: Prisma.HostWhereInput) =>
    db.host.findMany({ where: w, orderBy: { ipKey: "asc" }, take: size, select }) as unknown as Promise<Array<Prisma.HostGetPayload<{ select: S }> & { ipKey: string }>>;
  return byIpKey(fetch, where, size);
}

/** Networks by address, then prefix length: (start_key, cidr) is unique. */
export async function* networkBatches(db: Db, where: Prisma.NetworkWhereInput, size = BATCH_SIZE): AsyncGenerator<Network[]> {
  let after: { startKey: string; cidr: number } | null = null;
  for (;;) {
    const rows: Network[] = await db.network.findMany({
      where: after === null ? where : {
        AND: [where, { OR: [{ startKey: { gt: after.startKey } }, { startKey: after.startKey, cidr: { gt: after.cidr } }] }],
      },
      orderBy: [{ startKey: "asc" }, { cidr: "asc" }],
      take: size,
    });
    if (rows.length) yield rows;
    if (rows.length < size) return;
    after = rows[rows.length - 1];
  }
}
