import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, readJson } from "@/lib/api/read-json";
import { AppError } from "@/lib/errors";

// A POST whose body streams in chunks and declares no length (or a false one).
function post(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request("http://x/", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

/** An endless body of spaces that counts what was pulled from it and whether it was cancelled. */
function endless(chunk = 64 * 1024) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      seen.pulled += chunk;
      controller.enqueue(new Uint8Array(chunk).fill(0x20));
    },
    cancel() {
      seen.cancelled = true;
    },
  }, { highWaterMark: 0 }); // pulled only when read
  return { stream, seen };
}

/** A body of exactly `size` bytes: a JSON string padded with spaces, sent in 1 MB chunks. */
function jsonOfSize(size: number): ReadableStream<Uint8Array> {
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(new TextEncoder().encode('"ok"'), 0);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= size) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + 1024 * 1024));
      offset += 1024 * 1024;
    },
  });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe("readJson", () => {
  it("refuses a chunked body over the cap as soon as it passes it, without reading the rest", async () => {
    const { stream, seen } = endless();
    // Would never finish if the whole body were buffered first.
    expect(await codeOf(readJson(post(stream)))).toBe("payload_too_large");
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThanOrEqual(MAX_BODY_BYTES + 3 * 64 * 1024);
  });

  it("does not trust a Content-Length that understates the body", async () => {
    const { stream, seen } = endless();
    expect(await codeOf(readJson(post(stream, { "content-length": "2" })))).toBe("payload_too_large");
    expect(seen.cancelled).toBe(true);
  });

  it("refuses a declared Content-Length over the cap before reading anything", async () => {
    const { stream, seen } = endless();
    expect(await codeOf(readJson(post(stream, { "content-length": String(MAX_BODY_BYTES + 1) })))).toBe("payload_too_large");
    expect(seen.pulled).toBe(0);
  });

  it("accepts a body of exactly the cap, and refuses one byte more", async () => {
    expect(await readJson(post(jsonOfSize(MAX_BODY_BYTES)))).toBe("ok");
    expect(await codeOf(readJson(post(jsonOfSize(MAX_BODY_BYTES + 1))))).toBe("payload_too_large");
  });

  it("400 for invalid UTF-8, malformed JSON and an empty body; a UTF-8 BOM is dropped", async () => {
    const invalidUtf8 = new Uint8Array([0x22, 0xff, 0xfe, 0x22]); // "\xff\xfe"
    expect(await codeOf(readJson(post(invalidUtf8)))).toBe("bad_request");
    expect(await codeOf(readJson(post('{"a":')))).toBe("bad_request");
    expect(await codeOf(readJson(post("  \n")))).toBe("bad_request");
    expect(await codeOf(readJson(new Request("http://x/", { method: "POST" })))).toBe("bad_request");
    expect(await readJson(post(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"k":"é"}')])))).toEqual({ k: "é" });
  });
});
