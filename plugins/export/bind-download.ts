import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { loadEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/services/authorize";
import { bindZoneQuery } from "@/plugins/bind/bind-query";
import { NAMED_CONF, ZONE_DIR, namedConf } from "@/plugins/bind/named-conf";
import { planZones, type ZoneSet } from "@/plugins/bind/plan-zones";
import { renderZone, type ZoneStamp } from "@/plugins/bind/render-zone";
import { tarGz, type ArchiveFile } from "@/plugins/bind/tar-gz";
import type { ZoneSettings } from "@/plugins/bind/types";
import type { Zone } from "@/plugins/bind/zone";
import type { Download } from "@/plugins/define-plugin";
import { zoneSerial } from "@/plugins/export/bind-serial";
import { dnsmasqSource } from "@/plugins/export/dnsmasq-download";
import { parseParams } from "@/plugins/export/filters";

// The bind exporter: the dnsmasq exporters' source (host list filters; a
// network filter also chooses which domains are zones even without hosts),
// the serial read first, every zone planned before the first byte (so an
// unknown zone is a 404, not a broken download), then one zone file or the
// .tar.gz streamed zone by zone.

function settingsFromEnv(): ZoneSettings {
  const env = loadEnv();
  return { ns: env.DNS_ZONE_NS, contact: env.DNS_ZONE_CONTACT, ttl: env.DNS_ZONE_TTL };
}

function oneZone(zones: ZoneSet, query: { domain?: string; reverse?: string }): Zone | null {
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

function* archiveFiles(zones: Zone[], settings: ZoneSettings, stamp: ZoneStamp, outside: number): Generator<ArchiveFile> {
  yield { name: NAMED_CONF, content: namedConf(zones, stamp.generatedAt, outside) };
  for (const zone of zones) yield { name: `${ZONE_DIR}/${zone.file}`, content: renderZone(zone, settings, stamp) };
}

export async function bindDownload(actor: Actor, params: URLSearchParams): Promise<Download> {
  authorize(actor, "viewer");
  const query = parseParams(bindZoneQuery, params);
  const settings = settingsFromEnv();
  const { serial, changedAt } = await zoneSerial();
  const zones = await planZones(await dnsmasqSource(params), settings);
  const stamp: ZoneStamp = { serial, changedAt, generatedAt: new Date() };
  const zone = oneZone(zones, query);
  if (zone) {
    return { filename: zone.file, contentType: "text/plain; charset=utf-8", body: (async function* () { yield renderZone(zone, settings, stamp); })() };
  }
  const all = [...[...zones.forward.values()].sort((a, b) => a.name.localeCompare(b.name)), ...zones.reverse.values()];
  return { filename: "ipam-zones.tar.gz", contentType: "application/gzip", body: tarGz(archiveFiles(all, settings, stamp, zones.outside), stamp.generatedAt) };
}
