// Which hosts of a one-pass export have a name whose first DNS label some
// other host also has (plugins/export/host-pass.ts re-reads those few). Each
// label is appended as 8 bytes (a 36-bit hash of it and the host's ordinal)
// and the log is sorted once at the end: equal hashes end up side by side.
// A hash table answering "seen before?" per label cost ~3x the time and
// ~4x the memory at 1,200,000 hosts (a probe is a cache miss; a table must
// stay half empty). A hash collision only makes two more candidates.

const ORDINAL_BITS = 28;
const MAX_ORDINAL = 2 ** ORDINAL_BITS - 1;

// The sort reads each pair of 32-bit words [low, high] as one 64-bit number.
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export class LabelLog {
  private words = new Uint32Array(1 << 15);
  private count = 0;

  constructor() {
    if (!littleEndian) throw new Error("LabelLog needs a little-endian platform");
  }

  /** Records that host `ordinal` has a name whose first label hashes to `key` (a whole number below 2^48). */
  add(key: number, ordinal: number): void {
    if (ordinal > MAX_ORDINAL) throw new Error("too many hosts for one export");
    if (2 * this.count === this.words.length) {
      const grown = new Uint32Array(this.words.length * 2);
      grown.set(this.words);
      this.words = grown;
    }
    const i = 2 * this.count++;
    // High word: the hash's top 32 bits; low word: 4 more hash bits above the ordinal.
    this.words[i] = ((((key >>> 12) & 15) << ORDINAL_BITS) | ordinal) >>> 0;
    this.words[i + 1] = Math.floor(key / 65536);
  }

  /** Adds to `into` every ordinal that shares a label hash with another entry; the log is spent. */
  sharedInto(into: Set<number>): void {
    const n = this.count;
    const w = this.words;
    new BigUint64Array(w.buffer, 0, n).sort();
    const HASH_LOW = ~MAX_ORDINAL >>> 0;
    for (let i = 0; i < n;) {
      let j = i + 1;
      while (j < n && w[2 * j + 1] === w[2 * i + 1] && ((w[2 * j] & HASH_LOW) >>> 0) === ((w[2 * i] & HASH_LOW) >>> 0)) j++;
      if (j - i > 1) for (let k = i; k < j; k++) into.add(w[2 * k] & MAX_ORDINAL);
      i = j;
    }
    this.words = new Uint32Array(0);
    this.count = 0;
  }
}
