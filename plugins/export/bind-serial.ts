import "server-only";
import { getDb, type Db } from "@/lib/db/client";

// The zones' SOA serial: the time of the last change to networks or hosts,
// in seconds since 1970 (what BIND's `serial-update-method unixtime` writes).
// Chosen over YYYYMMDDnn because a time alone cannot give nn without a
// counter (and nn caps a day at 100 changes); seconds fit the 32-bit serial
// until 2106 and only grow while change times do.
//
// One serial for every zone: which zones a change touches cannot be told
// from the change log alone (a new network moves hosts out of its parent's
// domain through network_id, which is derived and not recorded; a domain
// change renames every PTR target in the network's range). A zone whose
// serial rises without a change costs a secondary one transfer; one whose
// serial fails to rise stays stale.
//
// The newest of: the change log's last network/host record (deletions exist
// only there) and the rows' updated_at (data written before the change log).

async function lastChange(db: Db): Promise<Date | null> {
  const [logged, host, network] = await Promise.all([
    db.changeLog.findFirst({ where: { objectType: { in: ["network", "host"] } }, orderBy: { time: "desc" }, select: { time: true } }),
    db.host.aggregate({ _max: { updatedAt: true } }),
    db.network.aggregate({ _max: { updatedAt: true } }),
  ]);
  const times = [logged?.time, host._max.updatedAt, network._max.updatedAt].filter((t): t is Date => t instanceof Date);
  return times.length ? new Date(Math.max(...times.map((t) => t.getTime()))) : null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The serial, read before the zones' data. A change in the current second
 * could be followed by another in the same second that this export misses,
 * and both would carry the same serial; so the export first waits for that
 * second to end (at most ~1 s, a few times while changes keep arriving),
 * and every change of a second is in the data read after its serial.
 */
export async function zoneSerial(db: Db = getDb()): Promise<{ serial: number; changedAt: Date | null }> {
  for (let attempt = 0; ; attempt++) {
    const changedAt = await lastChange(db);
    if (!changedAt) return { serial: 1, changedAt: null };
    const seconds = Math.floor(changedAt.getTime() / 1000);
    const wait = (seconds + 1) * 1000 - Date.now();
    // A clock ahead of ours (another instance) is not waited for beyond a second.
    if (wait <= 0 || attempt === 3) return { serial: seconds, changedAt };
    await sleep(Math.min(wait, 1000) + 5);
  }
}
