import "server-only";
import { getDb } from "@/lib/db/client";
import { authorize } from "@/lib/services/authorize";
import { serializeHost } from "@/lib/services/serializers/serialize-host";
import { serializeNetworks } from "@/lib/services/serializers/serialize-networks";
import { definePlugin } from "@/plugins/define-plugin";
import { exportTypeOf, hostExportFilter, hostExportQuery, keepRows, networkExportQuery, networkExportWhere, parseParams } from "@/plugins/export/filters";
import { hostBatches, networkBatches } from "@/plugins/export/read-batches";

/**
 * A JSON array written element by element, one per line. JSON.stringify
 * escapes every control character, so a multi-line description stays inside
 * its line; U+2028/U+2029, which it leaves raw, never reach storage.
 */
export async function* jsonArray<T>(batches: AsyncIterable<T[]>): AsyncGenerator<string> {
  let first = true;
  yield "[";
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    yield `${first ? "\n" : ",\n"}${batch.map((item) => JSON.stringify(item)).join(",\n")}`;
    first = false;
  }
  yield "\n]\n";
}

async function* serialized<R, T>(batches: AsyncIterable<R[]>, serialize: (rows: R[]) => T[] | Promise<T[]>): AsyncGenerator<T[]> {
  for await (const batch of batches) yield await serialize(batch);
}

export const jsonExporter = definePlugin({
  kind: "export",
  name: "json",
  description: "Hosts or networks as a JSON array of the API's objects (?type=hosts|networks and the list filters).",
  formats: [{ mediaType: "application/json", extension: "json" }],
  async run({ actor, params }) {
    authorize(actor, "viewer");
    const db = getDb();
    const type = exportTypeOf(params);
    let body: AsyncIterable<string>;
    if (type === "networks") {
      body = jsonArray(serialized(networkBatches(db, await networkExportWhere(db, parseParams(networkExportQuery, params))), (rows) => serializeNetworks(rows)));
    } else {
      const { where, keep } = await hostExportFilter(db, parseParams(hostExportQuery, params));
      body = jsonArray(serialized(keepRows(hostBatches(db, where), keep), (rows) => rows.map(serializeHost)));
    }
    return { filename: `ipam-${type}.json`, contentType: "application/json; charset=utf-8", body };
  },
});
