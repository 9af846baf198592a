import { gunzipSync } from "node:zlib";
import tar from "tar-stream";
import { describe, expect, it } from "vitest";
import { tarGz, type ArchiveFile } from "@/plugins/bind/tar-gz";
import { collect } from "@/plugins/dnsmasq/testing/fixture";

async function bytes(gz: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const chunk of gz) out.push(chunk);
  return out;
}

async function entries(gz: Buffer): Promise<Array<[string, string]>> {
  const out: Array<[string, string]> = [];
  const extract = tar.extract();
  const done = new Promise<void>((resolve, reject) => {
    extract.on("entry", (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on("data", (c: unknown) => chunks.push(c as Buffer));
      stream.on("end", () => { out.push([header.name, Buffer.concat(chunks).toString("utf8")]); next(); });
    });
    extract.on("finish", resolve);
    extract.on("error", reject);
  });
  extract.end(gunzipSync(gz));
  await done;
  return out;
}

describe("tarGz", () => {
  it("packs files in order, long names and multi-byte text included, as one gzip stream", async () => {
    const long = `ipam/${"0.".repeat(40)}ip6.arpa.zone`;
    const files = [{ name: "ipam/named.conf", content: "zone \"x\" {};\n" }, { name: long, content: "; Ünïcødé\n".repeat(5000) }];
    const chunks: Uint8Array[] = [];
    for await (const chunk of tarGz(files, new Date("2026-01-01T00:00:00Z"))) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(0);
    expect(await entries(Buffer.concat(chunks))).toEqual(files.map((f) => [f.name, f.content]));
  });

  it("packs streamed files of a size given first, and fails the archive when the bytes differ from it", async () => {
    async function* chunks(n: number) {
      for (let i = 0; i < n; i++) yield `line ${i} ${"x".repeat(100)}\n`;
    }
    const size = (await collect(chunks(2_000))).length;
    const files: ArchiveFile[] = [{ name: "a", content: "x\n" }, { name: "b", size, body: chunks(2_000) }, { name: "c", content: "y\n" }];
    const gz = Buffer.concat(await bytes(tarGz(files, new Date("2026-01-01T00:00:00Z"))));
    expect(await entries(gz)).toEqual([["a", "x\n"], ["b", await collect(chunks(2_000))], ["c", "y\n"]]);
    await expect(bytes(tarGz([{ name: "short", size: size + 1, body: chunks(2_000) }], new Date()))).rejects.toThrow(/size mismatch/i);
  });

  it("a consumer that stops early stops the files being rendered", async () => {
    let rendered = 0;
    function* files() {
      for (let i = 0; i < 1000; i++) {
        rendered++;
        yield { name: `f${i}`, content: `${Math.random()}`.repeat(20_000) };
      }
    }
    for await (const _chunk of tarGz(files(), new Date())) break;
    expect(rendered).toBeLessThan(100);
  });

  it("a consumer that stops early stops a streamed file being rendered", async () => {
    let rendered = 0;
    async function* body() {
      for (let i = 0; i < 100_000; i++) {
        rendered++;
        yield `${Math.random()}`.repeat(50);
      }
    }
    for await (const _chunk of tarGz([{ name: "big", size: 1e12, body: body() }], new Date())) break;
    expect(rendered).toBeLessThan(10_000);
  });
});
