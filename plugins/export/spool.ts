import "server-only";
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

// The body of a config export, written to a temporary file while the hosts
// are read once, then streamed back after the header (whose counts are known
// only at the end). A few hosts' text is replaced on the way out (splices):
// those whose names turned out to be shared with a host read later. Memory
// stays one batch of text whatever the size; the file is removed when the
// download ends or is cancelled.

export interface Splice {
  /** Byte offset of the text to replace, and its length. */
  start: number;
  length: number;
  text: string;
}

const READ_SIZE = 1 << 20;

export class Spool {
  private readonly dir: string;
  private readonly file: string;
  private fd: number | null;
  /** Bytes written so far. */
  size = 0;

  constructor() {
    this.dir = mkdtempSync(path.join(tmpdir(), "ipam-export-"));
    this.file = path.join(this.dir, "body");
    this.fd = openSync(this.file, "w+", 0o600);
  }

  /** Appends ASCII text (every config line is guarded to ASCII), so offsets are string lengths. */
  write(text: string): void {
    const bytes = Buffer.from(text, "latin1");
    if (bytes.length !== text.length || /[^\x00-\x7f]/.test(text)) throw new Error("refusing to spool non-ASCII export text");
    writeSync(this.fd!, bytes, 0, bytes.length, this.size);
    this.size += bytes.length;
  }

  /** The written bytes with `splices` (sorted by start, not overlapping) applied, in chunks. */
  async *replay(splices: readonly Splice[]): AsyncGenerator<string | Uint8Array> {
    const handle = await open(this.file, "r");
    try {
      async function* range(from: number, to: number): AsyncGenerator<Uint8Array> {
        for (let at = from; at < to;) {
          const buffer = Buffer.allocUnsafe(Math.min(READ_SIZE, to - at));
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, at);
          if (bytesRead === 0) throw new Error("export spool ended early");
          at += bytesRead;
          yield buffer.subarray(0, bytesRead);
        }
      }
      let at = 0;
      for (const s of splices) {
        yield* range(at, s.start);
        if (s.text) yield s.text;
        at = s.start + s.length;
      }
      yield* range(at, this.size);
    } finally {
      await handle.close();
    }
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
