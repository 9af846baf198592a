import { describe, expect, it } from "vitest";
import { clientAllowed } from "@/lib/services/tokens/client-allowed";

describe("clientAllowed", () => {
  it("lets any caller, even an unknown one, use a token without networks", () => {
    expect(clientAllowed("", "203.0.113.9")).toBe(true);
    expect(clientAllowed("", null)).toBe(true);
  });
  it("accepts an address inside one of the networks, IPv4 and IPv6", () => {
    const cidrs = "10.0.0.0/8,192.0.2.7/32,2001:db8::/32";
    expect(clientAllowed(cidrs, "10.200.3.4")).toBe(true);
    expect(clientAllowed(cidrs, "192.0.2.7")).toBe(true);
    expect(clientAllowed(cidrs, "2001:db8:ffff::1")).toBe(true);
  });
  it("refuses an address outside every network, of the other family, or next to a host entry", () => {
    const cidrs = "10.0.0.0/8,192.0.2.7/32,2001:db8::/32";
    expect(clientAllowed(cidrs, "11.0.0.1")).toBe(false);
    expect(clientAllowed(cidrs, "192.0.2.8")).toBe(false);
    expect(clientAllowed(cidrs, "2001:db9::1")).toBe(false);
    expect(clientAllowed("10.0.0.0/8", "::a00:1")).toBe(false);
  });
  it("reads an IPv4-mapped IPv6 caller (a dual-stack socket) as its IPv4 address", () => {
    expect(clientAllowed("10.0.0.0/8", "::ffff:10.1.2.3")).toBe(true);
    expect(clientAllowed("10.0.0.0/8", "::ffff:11.1.2.3")).toBe(false);
  });
  it("refuses an unknown or unparsable caller when the token is limited", () => {
    expect(clientAllowed("0.0.0.0/0,::/0", null)).toBe(false);
    expect(clientAllowed("0.0.0.0/0", "")).toBe(false);
    expect(clientAllowed("0.0.0.0/0", "not-an-address")).toBe(false);
  });
  it("a stored entry that does not parse matches nothing instead of failing", () => {
    expect(clientAllowed("garbage", "10.0.0.1")).toBe(false);
    expect(clientAllowed("garbage,10.0.0.0/8", "10.0.0.1")).toBe(true);
  });
});
