import { afterEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { overrideEnv } from "@/lib/env";
import { REQUEST_ID_HEADER } from "@/lib/http/request-id";

// Pages and server actions read their request id back from the request
// (runAction); under `next dev` no production server assigned one, so the
// proxy does, never keeping the client's.

const forgedId = "00000000-0000-4000-8000-000000000000";
const requestIdSeenByNext = (response: Response) => response.headers.get(`x-middleware-request-${REQUEST_ID_HEADER}`);

describe("proxy.ts request ids", () => {
  const nodeEnv = process.env.NODE_ENV ?? "test";
  afterEach(() => overrideEnv({ NODE_ENV: nodeEnv }));

  it("under next dev, a page request and its answer get one fresh id, whatever the client sent", () => {
    overrideEnv({ NODE_ENV: "development" });
    const first = proxy(new NextRequest("http://ipam.test/changes", { headers: { [REQUEST_ID_HEADER]: forgedId } }));
    const id = first.headers.get(REQUEST_ID_HEADER);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(id).not.toBe(forgedId);
    expect(requestIdSeenByNext(first)).toBe(id);
    expect(proxy(new NextRequest("http://ipam.test/changes")).headers.get(REQUEST_ID_HEADER)).not.toBe(id);
  });

  it("behind the production server, which already replaced the client's id, the proxy passes that one on unchanged", () => {
    overrideEnv({ NODE_ENV: "production" });
    const assigned = "3f2a9c1e-0000-4000-8000-000000000001";
    const response = proxy(new NextRequest("http://ipam.test/changes", { headers: { [REQUEST_ID_HEADER]: assigned } }));
    expect(requestIdSeenByNext(response)).toBe(assigned);
    // The server already put it on the answer.
    expect(response.headers.get(REQUEST_ID_HEADER)).toBeNull();
  });
});
