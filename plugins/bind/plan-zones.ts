import "server-only";
import { tryParseAddress } from "@/lib/ipam";
import { publishHost } from "@/plugins/bind/publish-host";
import type { ZoneSettings } from "@/plugins/bind/types";
import { commentLine, type Zone } from "@/plugins/bind/zone";
import { tieZones } from "@/plugins/bind/zone-cuts";
import { openZones, skippedZoneOf, zoneNetworks, type ZoneNetworks } from "@/plugins/bind/zone-networks";
import { ZoneRecorder, ZoneReplay } from "@/plugins/bind/zone-recorder";
import { storedLine, ZoneSpool } from "@/plugins/bind/zone-spool";
import type { DnsmasqSource } from "@/plugins/dnsmasq/types";
import { splitLines } from "@/plugins/export/grouped-spool";
import { hostPass, type HostWriter } from "@/plugins/export/host-pass";
import { TEXT_READ_SIZE } from "@/plugins/export/spool";

// Every zone of one export from ONE read of the hosts, in constant memory
// (issue 15.4). Which hosts publish and under which names is decided exactly
// as for the dnsmasq file: planHost (status, checked address and names, the
// address-space rules) and NameClaims through claimNames/namePublisher (a
// shared name stays with the lowest host id unless every claim is
// round-robin; a host that loses its hostname loses its aliases).
//
// The read is the dnsmasq file's (plugins/export/host-pass.ts): each host's
// records are written at once as if none of its names were shared, as tagged
// lines (plugins/bind/zone-recorder.ts) in a spool; the few hosts that may
// share a name are re-read and decided at the end, and their text spliced
// in. The final text is then replayed into the zones, whose lines go to disk
// per zone (plugins/bind/zone-spool.ts) while their header counts add up.

export interface ZoneSet {
  forward: Map<string, Zone>;
  reverse: Map<string, Zone>;
  /** Hosts publishing a name that lies in no forward zone (no domain, or a domain no network has): they get no A/AAAA. */
  outside: number;
}

/** The zones with their lines on disk; the caller closes the spool. */
export interface SpooledZones extends ZoneSet {
  spool: ZoneSpool;
}

function zoneWriter(networks: ZoneNetworks, recorder: ZoneRecorder): HostWriter {
  return {
    skipped(host, skipped, out) {
      const zone = skippedZoneOf(networks, host.networkId);
      if (zone) out.push(`s\t${zone}\t${storedLine(commentLine(skipped.skipped.text))}`);
    },
    planned(_host, plan, names, out) {
      // A guess taken back (a contested host) wrote nothing that is replayed: nothing to undo.
      if (!out) return;
      recorder.out = out;
      if (!publishHost(recorder, plan, tryParseAddress(plan.ip)!, networks.reverse, names, networks.nsNames)) out.push("o\t\t");
    },
  };
}

export async function planZones(source: DnsmasqSource, settings: ZoneSettings): Promise<SpooledZones> {
  const networks = zoneNetworks(source, settings);
  const recorder = new ZoneRecorder(networks.domains, networks.nsNames);
  const { spool, splices } = await hostPass(source, networks.checked, "dns", zoneWriter(networks, recorder));
  const zoneSpool = new ZoneSpool();
  try {
    const zones = openZones(networks, source, zoneSpool.sink);
    const replay = new ZoneReplay(zones, recorder, (zone, line) => zoneSpool.append("skipped", zone, line));
    try {
      for await (const lines of splitLines(spool.replay(splices, TEXT_READ_SIZE))) for (const line of lines) replay.apply(line);
    } finally {
      spool.close();
    }
    // Skipped hosts' notes follow every host's records, and make their zone only now (as they always have).
    for (const [name, count] of replay.skippedCounts) zones.forwardZone(name).counts["left out"] += count;
    zoneSpool.part = "cuts";
    tieZones(zones, settings);
    return { forward: zones.forward, reverse: zones.reverse, outside: replay.outside, spool: zoneSpool };
  } catch (error) {
    zoneSpool.close();
    throw error;
  }
}
