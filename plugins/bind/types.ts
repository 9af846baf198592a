// What the zone renderer needs besides the data (plugins/dnsmasq/types.ts
// DnsmasqSource: the same networks and host batches, so both exporters read
// the database the same way). The settings come from lib/env.ts
// (DNS_ZONE_NS, DNS_ZONE_CONTACT, DNS_ZONE_TTL); tests pass their own.

export interface ZoneSettings {
  /** Name servers, FQDNs without the trailing dot; the first is the SOA's primary (MNAME). */
  ns: readonly string[];
  /** The SOA's RNAME: the contact mailbox as a DNS name ("hostmaster.example.com"). */
  contact: string;
  /** $TTL of every record, seconds. */
  ttl: number;
}

/** The SOA timers (RFC 1912 §2.2 ranges); only the TTL is a setting. */
export const SOA_TIMERS = { refresh: 3600, retry: 900, expire: 1_209_600, negativeTtl: 300 } as const;

export type RecordType = "A" | "AAAA" | "CNAME" | "PTR" | "NS";
