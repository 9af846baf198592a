import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { AppError } from "@/lib/errors";

const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const json = async (res: Response) => ({ status: res.status, body: await res.json() });

describe("withApi", () => {
  it("turns thrown errors into the envelope and hides internals of a 500", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const boom = withApi({ auth: "public" }, async () => {
      throw new Error("SQLITE_CORRUPT at /secret/path");
    });
    const res = await json(await boom(new Request("http://x/"), ctx()));
    expect(res).toEqual({ status: 500, body: { error: { code: "internal_error", message: "Internal server error" } } });
    spy.mockRestore();
    const conflict = withApi({ auth: "public" }, async () => {
      throw new AppError("network_full", "full", { free: 0 });
    });
    expect(await json(await conflict(new Request("http://x/"), ctx()))).toEqual({
      status: 409, body: { error: { code: "network_full", message: "full", details: { free: 0 } } },
    });
  });
  it("maps ZodErrors thrown by services to 422 with field details", async () => {
    const route = withApi({ auth: "public", body: true }, async ({ body }) => z.strictObject({ a: z.number() }).parse(body));
    const res = await json(await route(new Request("http://x/", { method: "POST", body: '{"a":"x","b":1}' }), ctx()));
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual({ a: [expect.any(String)], b: ["Unknown field"] });
  });
  it("400 for malformed or empty JSON and for a bad query; 404 for a bad path id", async () => {
    const route = withApi(
      { auth: "public", body: true, query: z.object({ n: z.coerce.number().int() }), params: z.object({ id: z.string().regex(/^\d+$/) }) },
      async ({ body, query, params }) => ({ body, query, params }),
    );
    const post = (body: string, url = "http://x/?n=1", id = "1") => route(new Request(url, { method: "POST", body }), ctx({ id })).then(json);
    expect((await post("{")).body.error.code).toBe("bad_request");
    expect((await post("")).body.error.code).toBe("bad_request");
    expect((await post("{}", "http://x/?n=abc")).status).toBe(400);
    expect((await post("{}", undefined, "abc")).status).toBe(404);
    expect(await post('{"k":1}')).toEqual({ status: 200, body: { body: { k: 1 }, query: { n: 1 }, params: { id: "1" } } });
  });
  it("413 for a body over the limit, judged by Content-Length before reading", async () => {
    const route = withApi({ auth: "public", body: true }, async () => ({}));
    const req = new Request("http://x/", { method: "POST", body: "{}", headers: { "content-length": String(50 * 1024 * 1024) } });
    expect((await json(await route(req, ctx()))).status).toBe(413);
  });
  it("401 without credentials on a protected route", async () => {
    const route = withApi({ auth: "viewer" }, async () => ({}));
    expect((await json(await route(new Request("http://x/"), ctx()))).body.error.code).toBe("unauthorized");
  });
});
