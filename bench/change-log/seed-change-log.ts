import Database from "better-sqlite3";
import { withPgClient } from "../../lib/db/pg-client";
import { sqlitePath } from "../../lib/env";
import type { ChangeRecordRow } from "../../lib/db/raw/change-log";
import type { ScratchDb } from "./scratch-db";

// A year of change records written straight into change_log (1,000,000 in
// seconds, not the hours the app would take): a realistic mix of object
// types, actions, actors, sources and request sizes (mostly single writes,
// some bulk requests, a few imports), each with host- or network-sized JSON
// snapshots. Deterministic, so both engines get the same rows.

export const HOST_IDS = 200_000;
const NETWORK_IDS = 5_000;
const USER_IDS = 200;
const TOKEN_IDS = 500;

/** A change_log row as the app writes it, its time as stored text. */
type SeedRow = Omit<ChangeRecordRow, "time"> & { time: string };

/** A small deterministic generator (the same rows on every run and engine). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

function snapshot(type: string, id: number, version: number): string {
  if (type === "host") {
    const ip = `10.${(id >> 16) & 255}.${(id >> 8) & 255}.${id & 255}`;
    return JSON.stringify({
      id, ip_address: ip, family: 4, hostname: `h${id}`, cname: null, mac_address: `52:54:00:${((id >> 16) & 255).toString(16).padStart(2, "0")}:${((id >> 8) & 255).toString(16).padStart(2, "0")}:${(id & 255).toString(16).padStart(2, "0")}`,
      description: `rack ${id % 40}, revision ${version}`, status: "active", last_seen: null, discovery_source: null, network_id: 1 + (id % NETWORK_IDS),
      host_names: [`h${id}.example.com`], created_at: "2026-01-01T00:00:00.000Z", updated_at: "2026-06-01T00:00:00.000Z",
    });
  }
  return JSON.stringify({ id, name: `${type} ${id}`, description: `revision ${version}`, created_at: "2026-01-01T00:00:00.000Z" });
}

/** Calls `flush` with consecutive slices of `total` generated rows, oldest first. */
async function generate(total: number, batch: number, flush: (rows: SeedRow[]) => Promise<void>): Promise<void> {
  const random = lcg(12);
  const start = Date.parse("2025-12-01T00:00:00Z");
  const step = (365 * 86_400_000) / total;
  let request = 0;
  let left = 0;
  let group = { actorKind: "user", actorId: 1 as number | null, actorName: "user1", source: "ui", message: null as string | null };
  let rows: SeedRow[] = [];
  for (let i = 0; i < total; i++) {
    if (left === 0) {
      request++;
      const r = random();
      // Mostly one record per request; bulk requests of 250; an import of 10,000 now and then.
      left = r < 0.9 ? 1 : r < 0.97 ? 1 + Math.floor(random() * 20) : r < 0.995 ? 250 : 10_000;
      const who = Math.floor(random() * 30);
      group = who < 25
        ? { actorKind: "user", actorId: who + 1, actorName: `user${who + 1}`, source: left >= 10_000 ? "import" : random() < 0.6 ? "ui" : "api", message: random() < 0.1 ? `ticket ${request}` : null }
        : who < 29
          ? { actorKind: "token", actorId: who, actorName: `token${who}`, source: "api", message: null }
          : { actorKind: "system", actorId: null, actorName: "admin CLI", source: "cli", message: null };
    }
    left--;
    const t = random();
    const [objectType, objectId] = t < 0.7 ? ["host", 1 + Math.floor(random() * HOST_IDS)]
      : t < 0.9 ? ["network", 1 + Math.floor(random() * NETWORK_IDS)]
        : t < 0.95 ? ["user", 1 + Math.floor(random() * USER_IDS)] : ["api_token", 1 + Math.floor(random() * TOKEN_IDS)];
    const a = random();
    const action = a < 0.35 ? "create" : a < 0.85 ? "update" : "delete";
    rows.push({
      time: new Date(start + i * step).toISOString(), ...group, requestId: uuid(request), action, objectType, objectId,
      objectRepr: objectType === "host" ? `10.0.0.1 h${objectId}` : `${objectType} ${objectId}`,
      before: action === "create" ? null : snapshot(objectType, objectId, i),
      after: action === "delete" ? null : snapshot(objectType, objectId, i + 1),
    });
    if (rows.length === batch) {
      await flush(rows);
      rows = [];
    }
  }
  if (rows.length) await flush(rows);
}

const COLUMNS = "time, actor_kind, actor_id, actor_name, source, request_id, action, object_type, object_id, object_repr, before, after, message";
const values = (r: SeedRow) => [r.time, r.actorKind, r.actorId, r.actorName, r.source, r.requestId, r.action, r.objectType, r.objectId, r.objectRepr, r.before, r.after, r.message];

/** Writes `total` records into the scratch database's change_log; then refreshes the planner's statistics. */
export async function seedChangeLog(db: ScratchDb, total: number): Promise<void> {
  if (db.engine === "sqlite") {
    const sqlite = new Database(sqlitePath(db.url));
    try {
      const insert = sqlite.prepare(`INSERT INTO change_log (${COLUMNS}) VALUES (${Array(13).fill("?").join(", ")})`);
      // As the app stores a DateTime on SQLite (lib/db/raw/dialect.ts storedDate).
      const write = sqlite.transaction((rows: SeedRow[]) => {
        for (const r of rows) insert.run(...values({ ...r, time: r.time.replace("Z", "+00:00") }));
      });
      await generate(total, 50_000, async (rows) => write(rows));
      sqlite.exec("ANALYZE");
    } finally {
      sqlite.close();
    }
    return;
  }
  await withPgClient(db.url, async (client) => {
    const types = ["timestamp(3)", "text", "int", "text", "text", "text", "text", "text", "int", "text", "text", "text", "text"];
    const params = types.map((t, i) => `$${i + 1}::${t}[]`).join(", ");
    await generate(total, 20_000, async (rows) => {
      const columns = types.map((_, c) => rows.map((r) => values(r)[c]));
      await client.query(`INSERT INTO change_log (${COLUMNS}) SELECT * FROM unnest(${params})`, columns);
    });
    await client.query("VACUUM (ANALYZE) change_log");
  });
}
