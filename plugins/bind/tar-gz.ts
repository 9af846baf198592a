import { createGzip } from "node:zlib";
import tar from "tar-stream";

// A .tar.gz produced file by file: each file is added only once the gzip
// stream has taken the previous one (tar-stream calls back when its data is
// accepted), and gzip output is pulled by the consumer, so a slow client
// holds back the rendering instead of filling memory.

export interface ArchiveFile { name: string; content: string }

export async function* tarGz(files: Iterable<ArchiveFile> | AsyncIterable<ArchiveFile>, mtime: Date): AsyncGenerator<Uint8Array> {
  const pack = tar.pack();
  const gzip = createGzip();
  pack.pipe(gzip);
  const feeding = (async () => {
    for await (const file of files) {
      await new Promise<void>((resolve, reject) => {
        pack.entry({ name: file.name, mtime, mode: 0o644 }, file.content, (error) => (error ? reject(error) : resolve()));
      });
    }
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
