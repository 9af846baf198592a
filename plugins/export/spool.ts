import "server-only";
import { close, mkdtempSync, openSync, read, rmdirSync, unlinkSync, writeSync } from "node:fs";
import { promisify } from "node:util";
import { tmpdir } from "node:os";
import path from "node:path";

// The body of a config export, written to a temporary file while the hosts
// are read once, then streamed back after the header (whose counts are known
// only at the end). A few hosts' text is replaced on the way out (splices):
// those whose names turned out to be shared with a host read later. Memory
// stays one batch of text whatever the size. The file is unlinked as soon as
// it is opened, so nothing is left behind whatever happens to the process;
// its space is freed when close() closes it (off the main thread: freeing
// 100 MB of file took tens of ms).

export interface Splice {
  /** Byte offset of the text to replace, and its length. */
  start: number;
  length: number;
  text: string;
}

/** Bytes a chunk going to the client. */
const READ_SIZE = 1 << 20;
/**
 * Bytes a chunk read back as text (grouped exports split it into lines): a
 * string of 1 MB lives in V8's large-object space until a full GC, and a
 * Kea export of 1,200,000 hosts grew the RSS by 150 MB with them.
 */
export const TEXT_READ_SIZE = 1 << 16;

export class Spool {
  private fd: number | null;
  /** Bytes written so far. */
  size = 0;

  constructor() {
    const dir = mkdtempSync(path.join(tmpdir(), "ipam-export-"));
    const file = path.join(dir, "body");
    try {
      this.fd = openSync(file, "w+", 0o600);
    } finally {
      // An open file outlives its name: only this descriptor reaches it from now on.
      try {
        unlinkSync(file);
      } catch {
        // openSync failed: there is no file.
      }
      rmdirSync(dir);
    }
  }

  private get open(): number {
    if (this.fd === null) throw new Error("export spool is closed");
    return this.fd;
  }

  /** Appends ASCII text (every config line is guarded to ASCII), so offsets are string lengths. */
  write(text: string): void {
    // Any character above 0x7f takes two or more bytes in UTF-8: equal lengths mean ASCII (one native pass, no copy).
    if (Buffer.byteLength(text, "utf8") !== text.length) throw new Error("refusing to spool non-ASCII export text");
    // The string itself, not a Buffer of it: a Buffer a batch is external memory that hurries V8's full GCs.
    let at = 0;
    while (at < text.length) at += writeSync(this.open, at === 0 ? text : text.slice(at), this.size + at, "latin1");
    this.size += text.length;
  }

  /** The written bytes with `splices` (sorted by start, not overlapping) applied, in chunks. */
  async *replay(splices: readonly Splice[], chunkSize = READ_SIZE): AsyncGenerator<string | Uint8Array> {
    let at = 0;
    for (const s of splices) {
      yield* this.read(at, s.start, chunkSize);
      if (s.text) yield s.text;
      at = s.start + s.length;
    }
    yield* this.read(at, this.size, chunkSize);
  }

  /** Bytes [from, to) as written, in chunks of at most `chunkSize`. */
  async *read(from: number, to: number, chunkSize = READ_SIZE): AsyncGenerator<Uint8Array> {
    for (let at = from; at < to;) {
      const buffer = Buffer.allocUnsafe(Math.min(chunkSize, to - at));
      const bytesRead = await readAt(this.open, buffer, at);
      if (bytesRead === 0) throw new Error("export spool ended early");
      at += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  }

  close(): void {
    const fd = this.fd;
    this.fd = null;
    // Nothing to do if closing fails: the file has no name, the process frees it at exit.
    if (fd !== null) close(fd, () => {});
  }
}

const readFd = promisify(read);
const readAt = async (fd: number, buffer: Buffer, position: number): Promise<number> => (await readFd(fd, buffer, 0, buffer.length, position)).bytesRead;
