import { gunzipSync } from "node:zlib";
import tar from "tar-stream";
import { describe, expect, it } from "vitest";
import { tarGz } from "@/plugins/bind/tar-gz";

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
});
