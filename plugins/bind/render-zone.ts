import { commentLine, recordLine, type Zone } from "@/plugins/bind/zone";
import { SOA_TIMERS, type ZoneSettings } from "@/plugins/bind/types";
import type { ZoneSpool } from "@/plugins/bind/zone-spool";

// One zone as a master file (RFC 1035 §5): a header of comments with the
// counts, $ORIGIN and $TTL, the SOA and NS records, then the records in
// address order, with a comment for each thing left out. The header is
// written once every host is in (its counts are known then); the records
// are streamed from the spool.

const SAFE_SOA = /^@\tIN\tSOA\t[a-z0-9.-]+\. [a-z0-9.-]+\. \( \d+ \d+ \d+ \d+ \d+ \)$/;

export interface ZoneStamp {
  /** SOA serial (plugins/export/bind-serial.ts). */
  serial: number;
  /** The change the serial stands for, or null in an empty database. */
  changedAt: Date | null;
  generatedAt: Date;
}

/** The lines before the records, each with its line break. */
export function zoneHeader(zone: Zone, settings: ZoneSettings, stamp: ZoneStamp): string {
  const c = zone.counts;
  const records = zone.kind === "forward" ? `${c.A} A, ${c.AAAA} AAAA, ${c.CNAME} CNAME` : `${c.PTR} PTR, ${c.CNAME} CNAME (RFC 2317)`;
  const { refresh, retry, expire, negativeTtl } = SOA_TIMERS;
  const changed = stamp.changedAt ? `the last change to networks or hosts, ${stamp.changedAt.toISOString()}, in seconds since 1970` : "no change recorded yet";
  const head = [
    commentLine(`Zone ${zone.name} (${zone.kind}) exported by IPAM`),
    commentLine(`Generated: ${stamp.generatedAt.toISOString()}`),
    commentLine(`Serial: ${stamp.serial} (${changed})`),
    commentLine(`Records: ${records}, ${c.NS} NS for delegations`),
    commentLine(`Left out: ${c["left out"]} (each noted below)`),
    commentLine("Inactive hosts and hosts without a hostname get no records."),
    `$ORIGIN ${zone.name}.`,
    `$TTL ${settings.ttl}`,
    `@\tIN\tSOA\t${settings.ns[0]}. ${settings.contact}. ( ${stamp.serial} ${refresh} ${retry} ${expire} ${negativeTtl} )`,
    ...settings.ns.map((ns) => recordLine("@", "NS", `${ns}.`)),
  ];
  if (!SAFE_SOA.test(head[8])) throw new Error("refusing to write an unsafe SOA record");
  return `${head.join("\n")}\n`;
}

/** A zone file in chunks: the header, then the spooled lines (a zone without any ends in one empty line). */
export async function* renderZone(zone: Zone, spool: ZoneSpool, settings: ZoneSettings, stamp: ZoneStamp): AsyncGenerator<string> {
  yield zoneHeader(zone, settings, stamp);
  let empty = true;
  for await (const lines of spool.lines(zone)) {
    empty = false;
    yield `${lines.join("\n")}\n`;
  }
  if (empty) yield "\n";
}

/** The bytes renderZone will write (a tar entry's header needs them first). */
export const zoneFileSize = (zone: Zone, spool: ZoneSpool, settings: ZoneSettings, stamp: ZoneStamp) =>
  Buffer.byteLength(zoneHeader(zone, settings, stamp)) + spool.bodySize(zone);
