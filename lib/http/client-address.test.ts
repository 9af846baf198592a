import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadEnv, overrideEnv } from "@/lib/env";
import { clientAddress, peerAddress } from "@/lib/http/client-address";
import { prepareForwardedHeaders } from "@/lib/http/forwarded-headers";
import { PEER_HEADER, peerHeaderValue } from "@/lib/http/peer-header";

const KEY = "k".repeat(43);
const saved = { IPAM_PEER_KEY: process.env.IPAM_PEER_KEY, TRUSTED_PROXIES: process.env.TRUSTED_PROXIES, TRUST_PROXY: process.env.TRUST_PROXY };

function setEnv(values: { IPAM_PEER_KEY?: string; TRUSTED_PROXIES?: string; TRUST_PROXY?: string }): void {
  for (const name of ["IPAM_PEER_KEY", "TRUSTED_PROXIES", "TRUST_PROXY"] as const) {
    if (values[name] === undefined) delete process.env[name];
    else process.env[name] = values[name];
  }
  overrideEnv({});
}
afterEach(() => setEnv(saved));

/** Headers as our server hands them to Next after the socket at `peer` sent `sent`. */
function fromPeer(peer: string, sent: Record<string, string> = {}): Headers {
  return new Headers({ ...sent, [PEER_HEADER]: peerHeaderValue(KEY, peer) });
}

describe("peerAddress", () => {
  it("reads the address our server wrote with this boot's key, in canonical form", () => {
    setEnv({ IPAM_PEER_KEY: KEY });
    expect(peerAddress(fromPeer("203.0.113.9"))).toBe("203.0.113.9");
    expect(peerAddress(fromPeer("2001:DB8:0::1"))).toBe("2001:db8::1");
  });

  it("is null for a header written with another key, without a key, or when no key was made (plain next start)", () => {
    setEnv({ IPAM_PEER_KEY: KEY });
    expect(peerAddress(new Headers({ [PEER_HEADER]: peerHeaderValue("x".repeat(43), "203.0.113.9") }))).toBeNull();
    expect(peerAddress(new Headers({ [PEER_HEADER]: "203.0.113.9" }))).toBeNull();
    expect(peerAddress(new Headers())).toBeNull();
    setEnv({});
    expect(peerAddress(fromPeer("203.0.113.9"))).toBeNull();
  });

  it("is null when the socket had no address (our server writes the key alone)", () => {
    setEnv({ IPAM_PEER_KEY: KEY });
    expect(peerAddress(new Headers({ [PEER_HEADER]: peerHeaderValue(KEY, null) }))).toBeNull();
  });
});

describe("clientAddress", () => {
  it("is the peer when the peer is not a trusted proxy, whatever X-Forwarded-For says", () => {
    setEnv({ IPAM_PEER_KEY: KEY, TRUSTED_PROXIES: "10.0.0.0/8" });
    expect(clientAddress(fromPeer("203.0.113.9", { "x-forwarded-for": "198.51.100.1" }))).toBe("203.0.113.9");
  });

  it("behind a trusted proxy, is the right-most X-Forwarded-For entry that is not a trusted proxy", () => {
    setEnv({ IPAM_PEER_KEY: KEY, TRUSTED_PROXIES: "10.0.0.0/8, fd00::/8" });
    // The client made up 1.1.1.1; 198.51.100.7 is who reached the first proxy.
    const headers = fromPeer("10.0.0.2", { "x-forwarded-for": "1.1.1.1, 198.51.100.7, 10.0.0.5, fd00::3" });
    expect(clientAddress(headers)).toBe("198.51.100.7");
    expect(clientAddress(fromPeer("::ffff:10.0.0.2", { "x-forwarded-for": "[2001:db8::9]:51000" }))).toBe("2001:db8::9");
  });

  it("behind a trusted proxy with only trusted hops, is the left-most; an entry that is no address stops at the hop before it", () => {
    setEnv({ IPAM_PEER_KEY: KEY, TRUSTED_PROXIES: "10.0.0.0/8" });
    expect(clientAddress(fromPeer("10.0.0.2", { "x-forwarded-for": "10.9.9.9, 10.0.0.5" }))).toBe("10.9.9.9");
    expect(clientAddress(fromPeer("10.0.0.2", { "x-forwarded-for": "198.51.100.7, unknown, 10.0.0.5" }))).toBe("10.0.0.5");
    expect(clientAddress(fromPeer("10.0.0.2"))).toBe("10.0.0.2");
  });

  it("is null under a plain next start, even with a forged peer header and X-Forwarded-For", () => {
    setEnv({ TRUSTED_PROXIES: "0.0.0.0/0" });
    expect(clientAddress(new Headers({ [PEER_HEADER]: "203.0.113.9", "x-forwarded-for": "198.51.100.1" }))).toBeNull();
  });
});

describe("our server's header preparation, over a real socket", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    // The handler answers with what the app would see after prepareForwardedHeaders (as scripts/serve.ts runs it).
    server = createServer((req, res) => {
      const env = loadEnv();
      prepareForwardedHeaders(req.headers, req.socket.remoteAddress, { peerKey: KEY, trustProxy: env.TRUST_PROXY, trustedProxies: env.TRUSTED_PROXIES });
      const headers = new Headers(req.headers as Record<string, string>);
      res.end(JSON.stringify({ peer: peerAddress(headers), client: clientAddress(headers), host: headers.get("x-forwarded-host"), user: headers.get("x-forwarded-user") }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const spoof = { [PEER_HEADER]: `${KEY} 198.51.100.1`, "x-forwarded-for": "198.51.100.1", "x-forwarded-host": "evil.example", "x-forwarded-user": "admin" };
  const ask = async () => (await fetch(base, { headers: spoof })).json();

  it("from an untrusted peer: the forged peer header is overwritten and every X-Forwarded-* header dropped", async () => {
    setEnv({ IPAM_PEER_KEY: KEY, TRUSTED_PROXIES: "10.0.0.0/8" });
    expect(await ask()).toEqual({ peer: "127.0.0.1", client: "127.0.0.1", host: null, user: null });
  });

  it("from a trusted proxy: its forwarded headers are kept and name the client", async () => {
    setEnv({ IPAM_PEER_KEY: KEY, TRUSTED_PROXIES: "127.0.0.0/8" });
    expect(await ask()).toEqual({ peer: "127.0.0.1", client: "198.51.100.1", host: "evil.example", user: "admin" });
  });

  it("TRUST_PROXY=true keeps forwarded headers from anyone, but only TRUSTED_PROXIES may name the client", async () => {
    setEnv({ IPAM_PEER_KEY: KEY, TRUST_PROXY: "true" });
    expect(await ask()).toEqual({ peer: "127.0.0.1", client: "127.0.0.1", host: "evil.example", user: "admin" });
  });
});
