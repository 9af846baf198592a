// The change log at scale, through the service layer on a seeded database of
// either engine (`npm run bench -- changes [--db sqlite|postgres|both]`,
// default both): GET /changes' service on 1,000,000 records, and allocation
// with and without the change log (capture triggers dropped and put back in
// this scratch database, alternating rounds so a noisy moment hits both).
// In-process: the REST layer adds the same few ms to either side (GET
// /health in `npm run bench -- api`). The import figures are in
// `npm run bench -- plugins`.
import type { Actor } from "../lib/auth/roles";
import { disconnectDb } from "../lib/db/client";
import { overrideEnv } from "../lib/env";
import { changeListQuery, type ChangeListInput } from "../lib/schemas/change";
import { allocateSchema } from "../lib/schemas/host";
import { networkSchema } from "../lib/schemas/network";
import { listChanges } from "../lib/services/changes/list-changes";
import { allocateIp } from "../lib/services/ip/allocate-ip";
import { createNetwork } from "../lib/services/networks/create-network";
import type { BenchRow } from "./api/figure";
import { median } from "./api/measure";
import { openPgServer, type PgServer } from "./api/postgres-server";
import { HOST_IDS, seedChangeLog } from "./change-log/seed-change-log";
import { scratchDb, type ScratchDb, type ScratchEngine } from "./change-log/scratch-db";

const RECORDS = 1_000_000;
const admin: Actor = { kind: "user", id: 1, name: "bench", role: "admin" };
const ENGINE_LABEL: Record<ScratchEngine, string> = { sqlite: "SQLite", postgresql: "PostgreSQL" };
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Median ms of `runs` calls after `warmup` calls; call i gets its index. */
async function p50(call: (i: number) => Promise<unknown>, runs: number, warmup = 3): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    await call(i);
    if (i >= warmup) times.push(performance.now() - t0);
  }
  return median(times);
}

const list = (query: ChangeListInput) => listChanges(admin, changeListQuery.parse(query));

async function listFigures(label: string): Promise<BenchRow[]> {
  // Hosts spread over the id range, each with ~3.5 records among the million.
  const hostOf = (i: number) => 1 + ((i * 7919) % HOST_IDS);
  const byObject = await p50((i) => list({ per_page: "50", object_type: "host", object_id: String(hostOf(i)) }), 50);
  const sample = await list({ per_page: "50", object_type: "host", object_id: String(hostOf(1)) });
  const first = await p50(() => list({ per_page: "50" }), 20);
  const deep = await p50(() => list({ per_page: "50", page: "2000" }), 10, 1);
  const page1 = await list({ per_page: "50" });
  const byRequest = await p50(() => list({ per_page: "50", request_id: page1.items[0].request_id }), 20);
  const byActor = await p50(() => list({ per_page: "50", actor: "user7" }), 20);
  return [
    {
      case: `GET /changes?per_page=50&object_type=host&object_id=…, ${RECORDS.toLocaleString("en")} records (${label}, service layer)`,
      goal: "p50 < 30 ms", measured: `${ms(byObject)} (${sample.items.length} records of one host)`, ok: byObject < 30 && sample.items.length > 0,
    },
    { case: `(info) GET /changes?per_page=50, first page, unfiltered (${label})`, goal: "–", measured: `${ms(first)} (total ${page1.total}${page1.total_exact ? "" : "+"})`, ok: page1.items.length === 50 },
    { case: `(info) GET /changes?per_page=50&page=2000 (records 99,951–100,000, ${label})`, goal: "–", measured: ms(deep), ok: true },
    { case: `(info) GET /changes?per_page=50&request_id=… (${label})`, goal: "–", measured: ms(byRequest), ok: true },
    { case: `(info) GET /changes?per_page=50&actor=user7 (${label})`, goal: "–", measured: ms(byActor), ok: true },
  ];
}

/** p50 of single allocations with and without capture triggers, alternating rounds. */
async function allocateFigures(db: ScratchDb, label: string): Promise<BenchRow[]> {
  const network = await createNetwork(admin, networkSchema.parse({ network: "172.16.0.0", cidr: 16, name: "bench allocations" }));
  const allocate = () => allocateIp(admin, network.id, allocateSchema.parse({}));
  const times = { with: [] as number[], without: [] as number[] };
  const ROUNDS = 4;
  const CALLS = 100;
  for (let round = 0; round < ROUNDS; round++) {
    for (const side of ["with", "without"] as const) {
      if (side === "without") await db.dropCaptureTriggers();
      for (let i = 0; i < CALLS + 5; i++) {
        const t0 = performance.now();
        await allocate();
        if (i >= 5) times[side].push(performance.now() - t0);
      }
      if (side === "without") await db.installCaptureTriggers();
    }
  }
  const withLog = median(times.with);
  const without = median(times.without);
  const ratio = withLog / without;
  return [{
    case: `POST /ip/networks/{id}/allocate p50, with vs without the change log (${label}, service layer, ${RECORDS.toLocaleString("en")} records)`,
    goal: "≤ 1.2x",
    measured: `${ms(withLog)} vs ${ms(without)}: ${ratio.toFixed(2)}x (${ROUNDS} alternating rounds of ${CALLS})`,
    ok: ratio <= 1.2,
  }];
}

async function onEngine(engine: ScratchEngine, pgServer?: PgServer): Promise<BenchRow[]> {
  const label = ENGINE_LABEL[engine];
  const db = await scratchDb(engine, pgServer);
  try {
    console.log(`  [${label}] seeding ${RECORDS.toLocaleString("en")} change records`);
    const t0 = performance.now();
    await seedChangeLog(db, RECORDS);
    console.log(`  [${label}] seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s; measuring`);
    overrideEnv({ DATABASE_URL: db.url, DATA_DIR: db.dir });
    await disconnectDb();
    try {
      return [...(await listFigures(label)), ...(await allocateFigures(db, label))];
    } finally {
      await disconnectDb();
    }
  } finally {
    await db.drop();
  }
}

export async function runChangesBench(options: { db?: "sqlite" | "postgres" | "both" } = {}): Promise<BenchRow[]> {
  const choice = options.db ?? "both";
  const rows = choice === "postgres" ? [] : await onEngine("sqlite");
  if (choice !== "sqlite") {
    const server = await openPgServer();
    console.log(`  PostgreSQL: ${server.label}`);
    try {
      rows.push(...(await onEngine("postgresql", server)));
    } finally {
      await server.stop();
    }
  }
  return rows;
}
