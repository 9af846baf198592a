import { describe, expect, it } from "vitest";
import { isSafeLine } from "@/plugins/dnsmasq/lines";

// The table walk must refuse exactly what the guard's regular expression refuses.
const SAFE_LINE = /^[a-z-]+=[a-z0-9.:,/\-[\]]+$/;
const ALPHABET = "az-=09.:,/[]# \n\t'\"\\AZ_\u00e9\u2028=";

describe("isSafeLine", () => {
  it("agrees with the line guard's regular expression on random and edge-case lines", () => {
    const cases = ["", "=", "a=", "=b", "a=b", "host-record=a.b,10.0.0.1", "dhcp-host=52:54:00:00:00:01,[2001:db8::1],h", "a==b", "a=b\n", "A=b", "a=b c"];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 20_000; i++) {
      let line = "";
      const length = Math.floor(next() * 12);
      for (let j = 0; j < length; j++) line += ALPHABET[Math.floor(next() * ALPHABET.length)];
      cases.push(line);
    }
    for (const line of cases) expect(isSafeLine(line), JSON.stringify(line)).toBe(SAFE_LINE.test(line));
  });
});
