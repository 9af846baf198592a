import "server-only";
import type { Tx } from "@/lib/db/client";
import type { ChangeObjectType } from "@/lib/db/change-tracked-tables";
import type { Snapshot } from "@/lib/services/changes/object-snapshots";
import { serializeHost } from "@/lib/services/serializers/serialize-host";
import { serializeNetworks } from "@/lib/services/serializers/serialize-networks";
import { serializeApiToken, tokenRowSelect } from "@/lib/services/tokens/serialize-api-token";
import { serializeUser } from "@/lib/services/users/serialize-user";

/** Ids per statement: well below every engine's bound-parameter limit. */
const CHUNK = 500;

/** The objects as the API shows them now (the shape of a change record's snapshots), by id; a missing one does not exist. */
export async function currentObjects(tx: Tx, objectType: ChangeObjectType, ids: readonly number[]): Promise<Map<number, Snapshot>> {
  const found = new Map<number, Snapshot>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const where = { id: { in: ids.slice(i, i + CHUNK) } };
    const snapshots: Snapshot[] = await (async () => {
      switch (objectType) {
        case "host":
          return (await tx.host.findMany({ where })).map(serializeHost);
        case "network":
          return serializeNetworks(await tx.network.findMany({ where }), tx);
        case "user":
          return (await tx.user.findMany({ where })).map(serializeUser);
        case "api_token":
          return (await tx.apiToken.findMany({ where, select: tokenRowSelect })).map(serializeApiToken);
      }
    })();
    for (const s of snapshots) found.set(Number(s.id), s);
  }
  return found;
}
