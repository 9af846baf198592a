// Who claimed a key first, for keys that are numbers below 2^52 (a MAC
// address with its family): an open-addressing table over two typed arrays,
// 12 bytes a slot, where a Map of strings took ~4x that. Exports from the
// database need no MAC table at all (its unique index: newMacOwners); the
// first labels of names go to plugins/export/label-log.ts, cheaper still.
// stringKey (below) is the labels' hash.

const EMPTY = 0;

export class FirstOwners {
  private keys: Float64Array;
  private owners: Int32Array;
  private mask: number;
  private used = 0;

  constructor(capacity = 1 << 14) {
    const size = 1 << Math.ceil(Math.log2(Math.max(16, capacity)));
    this.keys = new Float64Array(size);
    this.owners = new Int32Array(size);
    this.mask = size - 1;
  }

  private slot(key: number): number {
    // Both halves of the key mixed into the slot index (keys are not uniform: MACs share prefixes).
    const lo = key >>> 0;
    const hi = (key / 4294967296) >>> 0;
    return (Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) ^ (lo >>> 15)) & this.mask;
  }

  /** The owner recorded for `key`, or undefined. `key` must be a whole number in [0, 2^52). */
  get(key: number): number | undefined {
    const stored = key + 1; // 0 marks an empty slot
    for (let i = this.slot(key); ; i = (i + 1) & this.mask) {
      const k = this.keys[i];
      if (k === EMPTY) return undefined;
      if (k === stored) return this.owners[i];
    }
  }

  /** Records `owner` for `key` unless one is recorded; answers the owner now recorded. */
  claim(key: number, owner: number): number {
    const stored = key + 1;
    let i = this.slot(key);
    for (; ; i = (i + 1) & this.mask) {
      const k = this.keys[i];
      if (k === EMPTY) break;
      if (k === stored) return this.owners[i];
    }
    this.keys[i] = stored;
    this.owners[i] = owner;
    if (++this.used * 2 > this.keys.length) this.grow();
    return owner;
  }

  private grow(): void {
    const { keys, owners } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.owners = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    for (let j = 0; j < keys.length; j++) {
      if (keys[j] === EMPTY) continue;
      let i = this.slot(keys[j] - 1);
      while (this.keys[i] !== EMPTY) i = (i + 1) & this.mask;
      this.keys[i] = keys[j];
      this.owners[i] = owners[j];
    }
  }
}

/** A 48-bit hash of `text` up to `end` (two 32-bit FNV-1a lanes): equal strings, equal keys; a collision only costs a recheck. */
export function stringKey(text: string, end = text.length): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ end;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  return (a >>> 6) * 4194304 + (b >>> 10);
}
