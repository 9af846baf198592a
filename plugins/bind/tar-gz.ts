import { createGzip } from "node:zlib";
import tar from "tar-stream";

// A .tar.gz produced file by file: each file is added only once the gzip
// stream has taken the previous one (tar-stream calls back when its data is
// accepted), and gzip output is pulled by the consumer, so a slow client
// holds back the rendering instead of filling memory. A file is either its
// whole text or a stream of chunks whose size is known beforehand (a tar
// header carries it); a chunk waits until the archive has taken the last.

export type ArchiveFile = { name: string; content: string } | { name: string; size: number; body: AsyncIterable<string | Uint8Array> };

type Entry = ReturnType<tar.Pack["entry"]>;

/** Resolves once `entry` may take more, or has been destroyed (the archive stopped). */
const taken = (entry: Entry) => new Promise<void>((resolve) => {
  const done = () => {
    entry.off("drain", done);
    entry.off("close", done);
    resolve();
  };
  entry.on("drain", done);
  entry.on("close", done);
});

/**
 * Chunks joined into blocks of at least BLOCK bytes: every write reaches
 * gzip as one job on libuv's thread pool, and a zone of a few KB came in
 * several chunks (its header, then its lines).
 */
const BLOCK = 1 << 16;

async function* blocks(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    pending.push(buffer);
    size += buffer.length;
    if (size < BLOCK) continue;
    yield pending.length === 1 ? buffer : Buffer.concat(pending, size);
    pending = [];
    size = 0;
  }
  if (size) yield Buffer.concat(pending, size);
}

async function addFile(pack: tar.Pack, file: ArchiveFile, mtime: Date): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    if ("content" in file) {
      pack.entry({ name: file.name, mtime, mode: 0o644 }, file.content, (error) => (error ? reject(error) : resolve()));
      return;
    }
    // tar-stream refuses an entry whose bytes differ from `size` ("Size mismatch").
    const entry = pack.entry({ name: file.name, size: file.size, mtime, mode: 0o644 }, (error) => (error ? reject(error) : resolve()));
    // An entry's error (a size mismatch, a failed body) also reaches the callback, which fails the archive.
    entry.on("error", () => {});
    (async () => {
      for await (const block of blocks(file.body)) {
        if (entry.write(block)) continue;
        await taken(entry);
        if (entry.destroyed) return;
      }
      entry.end(null);
    })().catch((error: unknown) => entry.destroy(error instanceof Error ? error : new Error(String(error))));
  });
}

export async function* tarGz(files: Iterable<ArchiveFile> | AsyncIterable<ArchiveFile>, mtime: Date): AsyncGenerator<Uint8Array> {
  const pack = tar.pack();
  const gzip = createGzip();
  // A failed entry destroys the pack with its error, which the entry's callback already reported.
  pack.on("error", () => {});
  pack.pipe(gzip);
  const feeding = (async () => {
    for await (const file of files) await addFile(pack, file, mtime);
    pack.finalize();
  })().catch((error: unknown) => {
    gzip.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  try {
    for await (const chunk of gzip) yield chunk as Uint8Array;
  } finally {
    // The consumer stopped early (a client went away): stop feeding.
    pack.destroy();
    gzip.destroy();
    await feeding;
  }
}
