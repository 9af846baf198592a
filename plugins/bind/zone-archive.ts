import { AppError } from "@/lib/errors";
import { NAMED_CONF, ZONE_DIR, namedConf } from "@/plugins/bind/named-conf";
import type { SpooledZones, ZoneSet } from "@/plugins/bind/plan-zones";
import { renderZone, zoneFileSize, type ZoneStamp } from "@/plugins/bind/render-zone";
import type { ArchiveFile } from "@/plugins/bind/tar-gz";
import type { ZoneSettings } from "@/plugins/bind/types";
import type { Zone } from "@/plugins/bind/zone";

// Which files the bind exporter writes: one zone (?domain= / ?reverse=), or
// the archive's named.conf fragment and every zone, forward zones by name
// and reverse zones in the order they were made.

/** The one zone asked for, null for all of them; an unknown zone is a 404 (with a hint when the name lies in another zone). */
export function chosenZone(zones: ZoneSet, query: { domain?: string; reverse?: string }): Zone | null {
  if (query.domain !== undefined) {
    const zone = zones.forward.get(query.domain);
    if (zone) return zone;
    const within = [...zones.forward.keys()].find((z) => query.domain!.endsWith(`.${z}`));
    const hint = query.domain.endsWith(".arpa") ? " (reverse zones are chosen with ?reverse=<prefix>)" : within ? ` (that name lies in zone ${within})` : "";
    throw new AppError("not_found", `No forward zone ${query.domain}: no exported network has that domain${hint}`);
  }
  if (query.reverse !== undefined) {
    const zone = zones.reverse.get(query.reverse);
    if (zone) return zone;
    throw new AppError("not_found", `No reverse zone ${query.reverse}: no exported host's PTR record lies in it`);
  }
  return null;
}

export const archiveZones = (zones: ZoneSet): Zone[] => [...[...zones.forward.values()].sort((a, b) => a.name.localeCompare(b.name)), ...zones.reverse.values()];

/** The archive's files, each zone streamed from the spool. */
export function* archiveFiles(zones: SpooledZones, settings: ZoneSettings, stamp: ZoneStamp): Generator<ArchiveFile> {
  const all = archiveZones(zones);
  yield { name: NAMED_CONF, content: namedConf(all, stamp.generatedAt, zones.outside) };
  for (const zone of all) {
    yield { name: `${ZONE_DIR}/${zone.file}`, size: zoneFileSize(zone, zones.spool, settings, stamp), body: renderZone(zone, zones.spool, settings, stamp) };
  }
}
