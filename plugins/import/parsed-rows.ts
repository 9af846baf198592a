import { deserialize, serialize } from "node:v8";

/**
 * The rows of an import as they are read, held compactly until they are
 * checked: every `chunkRows` rows become one serialized buffer (about a
 * fifth of the memory of the objects), turned back into objects one chunk at
 * a time. Their sort keys stay at hand for the checks that need the whole file.
 */
export class ParsedRows<T extends { key: string }> {
  private readonly sealed: Buffer[] = [];
  private open: T[] = [];
  private keys: string[] = [];
  private count = 0;

  constructor(private readonly chunkRows: number) {}

  get length(): number {
    return this.count;
  }

  push(row: T): void {
    this.count++;
    this.keys.push(row.key);
    this.open.push(row);
    if (this.open.length >= this.chunkRows) {
      this.sealed.push(serialize(this.open));
      this.open = [];
    }
  }

  /** Every row's sort key, in order, once (they are not kept twice). */
  takeKeys(): string[] {
    const keys = this.keys;
    this.keys = [];
    return keys;
  }

  /** The rows in order, a chunk at a time; each chunk's buffer is let go as it is handed out. */
  *takeChunks(): Generator<T[]> {
    for (let buffer = this.sealed.shift(); buffer; buffer = this.sealed.shift()) yield deserialize(buffer) as T[];
    const last = this.open;
    this.open = [];
    if (last.length) yield last;
  }

  /** Every row at once (a file checked as a whole). */
  takeAll(): T[] {
    return [...this.takeChunks()].flat();
  }
}
