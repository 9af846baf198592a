import "server-only";
import { getDb } from "@/lib/db/client";
import { authorize } from "@/lib/services/authorize";
import { serializeHost } from "@/lib/services/serializers/serialize-host";
import { serializeNetworks } from "@/lib/services/serializers/serialize-networks";
import { hostOut, networkOut } from "@/lib/schemas/responses";
import { definePlugin } from "@/plugins/define-plugin";
import { chooseColumns } from "@/plugins/export/choose-columns";
import { exportTypeOf, hostExportFilter, hostExportQuery, keepRows, networkExportBatches, networkExportQuery, networkExportWhere, parseParams } from "@/plugins/export/filters";
import { sortedHostBatches } from "@/plugins/export/sorted-batches";

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

/** `?columns=` of the JSON export: the API object's fields to keep, in this order (absent: the whole object). */
function picker<K extends string>(params: URLSearchParams, fields: readonly K[]): <T extends Record<K, unknown>>(item: T) => Partial<T> {
  if (!params.get("columns")?.trim()) return (item) => item;
  const chosen = chooseColumns(params, fields);
  return (item) => Object.fromEntries(chosen.map((k) => [k, item[k]])) as never;
}

export const jsonExporter = definePlugin({
  kind: "export",
  name: "json",
  description: "Hosts or networks as a JSON array of the API's objects (?type=hosts|networks, the list filters and sort, ?columns= to keep only those fields).",
  formats: [{ mediaType: "application/json", extension: "json" }],
  async run({ actor, params }) {
    authorize(actor, "viewer");
    const db = getDb();
    const type = exportTypeOf(params);
    let body: AsyncIterable<string>;
    if (type === "networks") {
      const pick = picker(params, networkOut.keyof().options);
      const query = parseParams(networkExportQuery, params);
      const where = await networkExportWhere(db, query);
      body = jsonArray(serialized(networkExportBatches(db, where, query), async (rows) => (await serializeNetworks(rows)).map(pick)));
    } else {
      const pick = picker(params, hostOut.keyof().options);
      const query = parseParams(hostExportQuery, params);
      const { where, keep } = await hostExportFilter(db, query);
      body = jsonArray(serialized(keepRows(sortedHostBatches(db, where, query.sort), keep), (rows) => rows.map((row) => pick(serializeHost(row)))));
    }
    return { filename: `ipam-${type}.json`, contentType: "application/json; charset=utf-8", body };
  },
});
