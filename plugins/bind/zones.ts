import type { ReverseZone } from "@/plugins/bind/reverse-zones";
import { Zone, type LineSink } from "@/plugins/bind/zone";

// The zones of one export, created as records arrive: forward zones by the
// most specific network domain holding a name, reverse zones by address
// (plugins/bind/reverse-zones.ts). Also keeps the addresses published for
// the name servers' own names, for in-zone NS checks and glue.

export const isArpa = (name: string) => name === "arpa" || name.endsWith(".arpa");

/** Strips the first label: "a.b.c" → "b.c"; null at the top. */
export const parentName = (name: string) => {
  const dot = name.indexOf(".");
  return dot < 0 ? null : name.slice(dot + 1);
};

export class Zones {
  readonly forward = new Map<string, Zone>();
  readonly reverse = new Map<string, Zone>();
  /** Every valid network domain: the forward zones a name may fall into. */
  private domains = new Set<string>();
  /** Addresses published for the name servers' own names (in-zone NS targets and glue). */
  readonly nsAddresses = new Map<string, Array<{ type: "A" | "AAAA"; ip: string }>>();

  constructor(domains: Iterable<string>, private readonly nsNames: ReadonlySet<string>, private readonly sink: LineSink) {
    for (const d of domains) this.domains.add(d);
  }

  /** The most specific forward zone holding `fqdn`, created on first use. */
  forwardZoneOf(fqdn: string): Zone | null {
    for (let name: string | null = fqdn; name !== null; name = parentName(name)) {
      if (this.domains.has(name)) return this.forwardZone(name);
    }
    return null;
  }

  forwardZone(domain: string): Zone {
    let zone = this.forward.get(domain);
    if (!zone) this.forward.set(domain, (zone = new Zone(domain, "forward", this.sink)));
    return zone;
  }

  /**
   * The first of these names' zones. Every one of them is made, not only
   * the first: that is how notes have always found their zone, and a zone
   * made here is written even if it stays empty.
   */
  forwardZoneOfAny(fqdns: readonly string[]): Zone | null {
    return fqdns.map((fqdn) => this.forwardZoneOf(fqdn)).find((z) => z !== null) ?? null;
  }

  /** RFC 2317 blocks that hold a PTR. */
  readonly blocks = new Map<string, ReverseZone>();

  reverseZone(r: ReverseZone): Zone {
    let zone = this.reverse.get(r.name);
    if (!zone) {
      this.reverse.set(r.name, (zone = new Zone(r.name, "reverse", this.sink)));
      if (r.classless) this.blocks.set(r.name, r);
    }
    return zone;
  }

  /** Like forwardZoneOf, without creating the zone. */
  existingForwardZoneOf(fqdn: string): Zone | null {
    for (let name: string | null = fqdn; name !== null; name = parentName(name)) {
      if (this.domains.has(name)) return this.forward.get(name) ?? null;
    }
    return null;
  }

  isApex(fqdn: string): boolean {
    return this.domains.has(fqdn);
  }

  addAddress(zone: Zone, fqdn: string, family: number, ip: string): void {
    const type = family === 6 ? "AAAA" : "A";
    zone.add(fqdn, type, ip);
    if (this.nsNames.has(fqdn)) this.addNsAddress(fqdn, type, ip);
  }

  /** Notes an address published for a name server's own name (the one-pass export replays these, plugins/bind/zone-recorder.ts). */
  addNsAddress(fqdn: string, type: "A" | "AAAA", ip: string): void {
    const list = this.nsAddresses.get(fqdn) ?? [];
    list.push({ type, ip });
    this.nsAddresses.set(fqdn, list);
  }
}
