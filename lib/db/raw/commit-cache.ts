import "server-only";
import { dataVersion } from "./read-connection";

// Results of heavy reads on the read-only connection, kept until any other
// connection commits (SQLite data_version changes exactly then). Values are
// promises, so two requests of one page render share one load; a failed load
// is forgotten rather than cached.

const MAX_ENTRIES = 10_000;

export class CommitCache<V> {
  private stamp = "";
  private values = new Map<string, Promise<V>>();

  /** The value of every item (aligned), loading all missing ones with ONE call to `load`. */
  async get<T>(items: readonly T[], keyOf: (item: T) => string, load: (missing: T[]) => Promise<V[]>): Promise<V[]> {
    const stamp = await dataVersion();
    if (this.stamp !== stamp || this.values.size > MAX_ENTRIES) this.values = new Map();
    this.stamp = stamp;
    const values = this.values;
    const missing = items.filter((item) => !values.has(keyOf(item)));
    if (missing.length > 0) {
      const pending = load(missing);
      missing.forEach((item, i) => values.set(keyOf(item), pending.then((rows) => rows[i])));
      pending.catch(() => missing.forEach((item) => values.delete(keyOf(item))));
    }
    return Promise.all(items.map((item) => values.get(keyOf(item))!));
  }
}
