// Which network a host belongs to, for many hosts at once and without a
// query per host. Networks nest or are disjoint, so the innermost network
// containing a key is the one with the greatest start at or below the key,
// or, when that one ends too early, its nearest enclosing ancestor that
// reaches the key (an ancestor of it that contains the key must be that one).

export interface IndexedNetwork {
  id: number;
  startKey: string;
  endKey: string;
  cidr: number;
  family: number;
  network: string;
}

/** Pure: works on any rows carrying sort keys (lib/ipam sortKey). */
export class NetworkIndex<N extends { startKey: string; endKey: string } = IndexedNetwork> {
  private readonly sorted: N[];
  private readonly parent: Int32Array;

  constructor(networks: readonly N[]) {
    this.sorted = [...networks].sort((a, b) => (a.startKey < b.startKey ? -1 : a.startKey > b.startKey ? 1 : a.endKey > b.endKey ? -1 : a.endKey < b.endKey ? 1 : 0));
    this.parent = new Int32Array(this.sorted.length).fill(-1);
    const open: number[] = [];
    this.sorted.forEach((n, i) => {
      while (open.length && this.sorted[open[open.length - 1]].endKey < n.startKey) open.pop();
      if (open.length) this.parent[i] = open[open.length - 1];
      open.push(i);
    });
  }

  /** The most specific network containing `key`, or null. */
  innermost(key: string): N | null {
    let lo = 0;
    let hi = this.sorted.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid].startKey <= key) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (let i = found; i >= 0; i = this.parent[i]) if (this.sorted[i].endKey >= key) return this.sorted[i];
    return null;
  }
}
