import { describe, expect, it } from "vitest";
import { renderDnsmasq } from "@/plugins/dnsmasq/render";
import { askDnsmasq, namespacesAvailable, queryKey, type Answer, type Query } from "@/plugins/dnsmasq/testing/daemon";
import { collect, fixtureHosts, fixtureNetworks, memorySource } from "@/plugins/dnsmasq/testing/fixture";

// A real dnsmasq loaded with the exported file answers dig on 127.0.0.1.
// The combined file has DHCP lines, so that server runs inside `unshare -rn`;
// the DNS-only file also runs as-is, without any namespace.

type Family = "A" | "AAAA";
/** Every active or reserved named host of the fixture: its names, address and PTR name. */
const named: Array<{ names: string[]; ip: string; type: Family; ptr: string }> = [
  { names: ["web.lab.example", "web"], ip: "10.10.0.10", type: "A", ptr: "web.lab.example" },
  { names: ["db.lab.example", "db"], ip: "10.10.0.11", type: "A", ptr: "db.lab.example" },
  { names: ["printer"], ip: "10.20.0.5", type: "A", ptr: "printer" },
  { names: ["nas.storage.example", "nas"], ip: "10.20.0.6", type: "A", ptr: "nas.storage.example" },
  { names: ["mail.other.example", "mail"], ip: "10.30.0.5", type: "A", ptr: "mail.other.example" },
  { names: ["stray"], ip: "192.168.99.5", type: "A", ptr: "stray" },
  { names: ["db6.v6.example", "db6"], ip: "2001:db8:10::10", type: "AAAA", ptr: "db6.v6.example" },
  { names: ["ws6.v6.example", "ws6"], ip: "2001:db8:20::20", type: "AAAA", ptr: "ws6.v6.example" },
  { names: ["big6"], ip: "2001:db8:30::5", type: "AAAA", ptr: "big6" },
];
const aliases: Array<{ names: string[]; target: string; ip: string; type: Family }> = [
  { names: ["www.lab.example", "www", "intranet.lab.example", "intranet"], target: "web.lab.example", ip: "10.10.0.10", type: "A" },
  { names: ["sql.lab.example"], target: "db.lab.example", ip: "10.10.0.11", type: "A" },
  { names: ["smtp.other.example", "smtp", "imap.other.example", "imap"], target: "mail.other.example", ip: "10.30.0.5", type: "A" },
  { names: ["db6-alias.v6.example", "db6-alias"], target: "db6.v6.example", ip: "2001:db8:10::10", type: "AAAA" },
];
/** Inactive hosts: names that must not exist. */
const inactive = ["old.lab.example", "old", "gone6.v6.example", "gone6"];

const queries: Query[] = [
  ...named.flatMap((h) => [...h.names.map((name) => ({ name, type: h.type })), { name: h.ip, type: "PTR" as const }]),
  ...aliases.flatMap((a) => a.names.map((name) => ({ name, type: a.type }))),
  ...inactive.flatMap((name) => [{ name, type: "A" as const }, { name, type: "AAAA" as const }]),
];

function checkAnswers(answers: Map<string, Answer>): void {
  const answer = (name: string, type: Query["type"]) => answers.get(queryKey({ name, type }));
  for (const h of named) {
    for (const name of h.names) {
      expect(answer(name, h.type), `${name} ${h.type}`).toMatchObject({ status: "NOERROR", records: [{ name, type: h.type, data: h.ip }] });
    }
    expect(answer(h.ip, "PTR")?.records.map((r) => r.data), `PTR ${h.ip}`).toEqual([h.ptr]);
  }
  for (const a of aliases) {
    for (const name of a.names) {
      expect(answer(name, a.type), `${name} ${a.type}`).toMatchObject({
        status: "NOERROR",
        records: [{ name, type: "CNAME", data: a.target }, { name: a.target, type: a.type, data: a.ip }],
      });
    }
  }
  for (const name of inactive) {
    for (const type of ["A", "AAAA"] as const) expect(answer(name, type), `${name} ${type}`).toEqual({ status: "NXDOMAIN", records: [] });
  }
}

const highPort = () => 30_000 + Math.floor(Math.random() * 30_000);
const namespaces = namespacesAvailable();

describe("a live dnsmasq serves the exported file", () => {
  it("DNS-only file, unprivileged on a high port: A/AAAA by FQDN and short name, PTR, CNAME chains, NXDOMAIN for inactive hosts", async () => {
    const config = await collect(renderDnsmasq(memorySource(fixtureNetworks, fixtureHosts), "dns"));
    checkAnswers(askDnsmasq(config, queries, { dhcp: false, port: highPort() }));
  });

  it("combined file (DNS + DHCP) inside unshare -rn: names resolve before any DHCP lease", async () => {
    // .ci/run installs util-linux and iproute2: a machine without user namespaces fails here, it is not skipped.
    expect(namespaces.ok, `unshare -rn is needed: ${namespaces.reason}`).toBe(true);
    const config = await collect(renderDnsmasq(memorySource(fixtureNetworks, fixtureHosts), "combined"));
    checkAnswers(askDnsmasq(config, queries, { dhcp: true, port: highPort() }));
  });

});
