import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { loadEnv } from "@/lib/env";
import { authorize } from "@/lib/services/authorize";
import { bindZoneQuery } from "@/plugins/bind/bind-query";
import { planZones, type SpooledZones } from "@/plugins/bind/plan-zones";
import { renderZone, type ZoneStamp } from "@/plugins/bind/render-zone";
import { tarGz } from "@/plugins/bind/tar-gz";
import type { ZoneSettings } from "@/plugins/bind/types";
import { archiveFiles, chosenZone } from "@/plugins/bind/zone-archive";
import type { Download } from "@/plugins/define-plugin";
import { zoneSerial } from "@/plugins/export/bind-serial";
import { dnsmasqSource } from "@/plugins/export/dnsmasq-download";
import { parseParams } from "@/plugins/export/filters";

// The bind exporter: the dnsmasq exporters' source (host list filters; a
// network filter also chooses which domains are zones even without hosts),
// the serial read first, every zone planned before the first byte (so an
// unknown zone is a 404, not a broken download): one read of the hosts, the
// zones' lines spooled to disk (plugins/bind/plan-zones.ts). Then one zone
// file or the .tar.gz is streamed from the spool, which is closed when the
// body ends or the client goes away.

function settingsFromEnv(): ZoneSettings {
  const env = loadEnv();
  return { ns: env.DNS_ZONE_NS, contact: env.DNS_ZONE_CONTACT, ttl: env.DNS_ZONE_TTL };
}

async function* closing<T>(zones: SpooledZones, body: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* body;
  } finally {
    zones.spool.close();
  }
}

export async function bindDownload(actor: Actor, params: URLSearchParams): Promise<Download> {
  authorize(actor, "viewer");
  const query = parseParams(bindZoneQuery, params);
  const settings = settingsFromEnv();
  const { serial, changedAt } = await zoneSerial();
  const zones = await planZones(await dnsmasqSource(params), settings);
  const stamp: ZoneStamp = { serial, changedAt, generatedAt: new Date() };
  try {
    const zone = chosenZone(zones, query);
    if (zone) return { filename: zone.file, contentType: "text/plain; charset=utf-8", body: closing(zones, renderZone(zone, zones.spool, settings, stamp)) };
    return { filename: "ipam-zones.tar.gz", contentType: "application/gzip", body: closing(zones, tarGz(archiveFiles(zones, settings, stamp), stamp.generatedAt)) };
  } catch (error) {
    zones.spool.close();
    throw error;
  }
}
