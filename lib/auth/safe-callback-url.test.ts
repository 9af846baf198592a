import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

const origin = "https://ipam.example";
/** The value the login page reads: URLSearchParams decodes %5C to "\\" and %09 to a tab. */
const fromQuery = (query: string) => new URLSearchParams(query).get("callbackUrl");

describe("safeCallbackUrl", () => {
  it.each([
    "/\\evil.example/x",
    "/\t/evil.example/x",
    "//evil.example",
    "//evil.example/x?y=1",
    "https://evil.example",
    "http://ipam.example/x",
    "https://ipam.example.evil.example/x",
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "http://[bad",
  ])("sends %j home", (next) => {
    expect(safeCallbackUrl(next, origin)).toBe("/");
  });

  it.each(["callbackUrl=/%5Cevil.example/x", "callbackUrl=/%09/evil.example/x", "callbackUrl=%2F%2Fevil.example", "callbackUrl=javascript%3Aalert(1)"])(
    "sends the query %s home, as the login page reads it",
    (query) => {
      expect(safeCallbackUrl(fromQuery(query), origin)).toBe("/");
    },
  );

  it("keeps an encoded backslash that stays a path on this origin", () => {
    expect(safeCallbackUrl("/%5Cevil.example/x", origin)).toBe("/%5Cevil.example/x");
  });

  it.each([null, undefined, ""])("sends a missing callback (%j) home", (next) => {
    expect(safeCallbackUrl(next, origin)).toBe("/");
  });

  it.each([
    ["/networks/3", "/networks/3"],
    ["/networks?q=10.0&page=2", "/networks?q=10.0&page=2"],
    ["/hosts/7#history", "/hosts/7#history"],
    ["/export/hosts/dnsmasq?network_id=1#x", "/export/hosts/dnsmasq?network_id=1#x"],
    ["https://ipam.example/networks/3?x=1", "/networks/3?x=1"],
    ["networks/3", "/networks/3"],
    [fromQuery("callbackUrl=%2Fnetworks%3Fq%3D10.0%26page%3D2%23top"), "/networks?q=10.0&page=2#top"],
  ])("keeps the same-origin target %j", (next, expected) => {
    expect(safeCallbackUrl(next, origin)).toBe(expected);
  });
});
