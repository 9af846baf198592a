import { describe, expect, it } from "vitest";
import { assertCookieWriteAllowed } from "@/lib/api/cookie-write-guard";

const req = (method: string, headers: Record<string, string>, url = "http://10.0.0.5:3000/api/v1/hosts/1") => new Request(url, { method, headers });
const code = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe("assertCookieWriteAllowed", () => {
  it.each(["GET", "HEAD", "OPTIONS"])("lets a %s through from anywhere (reads change nothing)", (method) => {
    expect(code(() => assertCookieWriteAllowed(req(method, { origin: "http://evil.example" })))).toBeNull();
  });

  it.each(["POST", "PUT", "PATCH", "DELETE", "delete"])("refuses a cross-origin %s (403) and a non-JSON same-origin one (415)", (method) => {
    expect(code(() => assertCookieWriteAllowed(req(method, { origin: "http://evil.example", "content-type": "application/json" })))).toBe("forbidden");
    expect(code(() => assertCookieWriteAllowed(req(method, { origin: "http://10.0.0.5:3000" })))).toBe("unsupported_media_type");
    expect(code(() => assertCookieWriteAllowed(req(method, { origin: "http://10.0.0.5:3000", "content-type": "Application/JSON; charset=utf-8" })))).toBeNull();
  });

  it("compares the Origin's host with the Host header (as a proxy forwards it) or the URL's", () => {
    const behindProxy = (origin: string) => req("POST", { origin, host: "ipam.example", "content-type": "application/json" });
    expect(code(() => assertCookieWriteAllowed(behindProxy("https://ipam.example")))).toBeNull();
    expect(code(() => assertCookieWriteAllowed(behindProxy("https://ipam.example.evil.example")))).toBe("forbidden");
    expect(code(() => assertCookieWriteAllowed(behindProxy("https://ipam.example:8443")))).toBe("forbidden");
  });

  it("takes a route's own media types instead of JSON, still only from this origin", () => {
    const types = ["multipart/form-data", "text/csv"];
    const upload = (origin: string, type: string) => req("POST", { origin, "content-type": type });
    expect(code(() => assertCookieWriteAllowed(upload("http://10.0.0.5:3000", "multipart/form-data; boundary=x"), types))).toBeNull();
    expect(code(() => assertCookieWriteAllowed(upload("http://10.0.0.5:3000", "application/json"), types))).toBe("unsupported_media_type");
    expect(code(() => assertCookieWriteAllowed(upload("http://evil.example", "text/csv"), types))).toBe("forbidden");
  });
});
