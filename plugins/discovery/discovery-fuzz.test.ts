import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { Observation } from "@/lib/schemas/discovery";
import { parseDnsmasqLeases } from "@/plugins/discovery/parse-dnsmasq-leases";
import { parseKeaLeases } from "@/plugins/discovery/parse-kea-leases";
import { parseNmapXml } from "@/plugins/discovery/parse-nmap-xml";

// Every parser, fed anything, either reads observations or refuses the file
// with a 422 that names what is wrong; it never throws anything else. And a
// well-formed file is read back exactly.

const bytes = (text: string) => new TextEncoder().encode(text);
const parsers = { nmap: parseNmapXml, dnsmasq: parseDnsmasqLeases, kea: parseKeaLeases };

function outcome(parse: (b: Uint8Array) => Observation[], input: Uint8Array): "read" | "refused" {
  try {
    parse(input);
    return "read";
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    return "refused";
  }
}

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join("."));
const mac = fc.array(fc.nat(255), { minLength: 6, maxLength: 6 }).map((b) => b.map((x) => x.toString(16).padStart(2, "0")).join(":"));
const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
const lease = fc.record({ ip: ipv4, mac, name: fc.option(name, { nil: null }) });
const leases = fc.uniqueArray(lease, { selector: (l) => l.ip, maxLength: 30 });

const tokens = ["<", ">", "/>", "</", "<host>", "</host>", "<nmaprun>", "</nmaprun>", '<status state="up"/>', '<address addr="', '" addrtype="ipv4"/>',
  "<!DOCTYPE x [", "<!ENTITY a \"b\">", "]>", "&a;", "&amp;", "<![CDATA[", "]]>", "<!--", "-->", " ", "\n", ",", "*", "10.0.0.1", "52:54:00:00:00:01", "\u0000", "\uFFFD"];
const junk = fc.array(fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join(""));

describe("discovery parsers under fuzzing", () => {
  for (const [source, parse] of Object.entries(parsers)) {
    it(`${source}: any input is read or refused with a 422, nothing else`, () => {
      fc.assert(fc.property(fc.oneof(junk, fc.string({ maxLength: 200 })), (text) => void outcome(parse, bytes(text))), { numRuns: 400 });
      fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (raw) => void outcome(parse, raw)), { numRuns: 200 });
    });
  }

  it("dnsmasq: a lease file as dnsmasq writes it is read back exactly", () => {
    fc.assert(fc.property(leases, (list) => {
      const text = list.map((l) => `1796220354 ${l.mac} ${l.ip} ${l.name ?? "*"} *`).join("\n");
      expect(parseDnsmasqLeases(bytes(text)).map((o) => [o.ip_address, o.mac_address, o.hostname])).toEqual(list.map((l) => [l.ip, l.mac, l.name]));
    }));
  });

  it("kea: a lease CSV as Kea writes it is read back exactly", () => {
    fc.assert(fc.property(leases, (list) => {
      const rows = list.map((l) => `${l.ip},${l.mac},,7200,1796220354,1,0,0,${l.name ?? ""},0,`);
      const text = ["address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,user_context", ...rows].join("\n");
      expect(parseKeaLeases(bytes(text)).map((o) => [o.ip_address, o.mac_address, o.hostname])).toEqual(list.map((l) => [l.ip, l.mac, l.name]));
    }));
  });

  it("nmap: hosts as nmap writes them are read back exactly", () => {
    fc.assert(fc.property(leases, (list) => {
      const hosts = list.map((l) => `<host><status state="up" reason="arp-response" reason_ttl="0"/>\n<address addr="${l.ip}" addrtype="ipv4"/>\n` +
        `<address addr="${l.mac.toUpperCase()}" addrtype="mac"/>\n<hostnames>\n${l.name ? `<hostname name="${l.name}" type="PTR"/>\n` : ""}</hostnames>\n</host>`);
      const text = `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE nmaprun>\n<nmaprun scanner="nmap">\n${hosts.join("\n")}\n</nmaprun>\n`;
      expect(parseNmapXml(bytes(text)).map((o) => [o.ip_address, o.mac_address?.toLowerCase(), o.hostname])).toEqual(list.map((l) => [l.ip, l.mac, l.name]));
    }));
  });
});
