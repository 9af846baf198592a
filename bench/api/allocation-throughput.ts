import type { Figure } from "./figure";
import { allocate, type Allocation } from "./http";
import { median } from "./measure";

// Do allocations in different networks serialize across instances? The
// same offered load (CLIENTS requests in flight, CALLS allocations) through
// 1 instance into 1 network, then split over 2 instances × 2 networks, and
// (for context) 2 instances into the same network, which per-network locking
// must serialize. Runs alternate so that a noisy moment hits all three.

const CALLS = 400;
const CLIENTS = 32;
const ROUNDS = 3;

interface Stream { url: string; networkId: number; calls: number; clients: number }

/** Clients that each allocate one address after another until the stream's calls are used up. */
async function runStream(stream: Stream, token: string): Promise<Allocation[]> {
  const results: Allocation[] = [];
  let left = stream.calls;
  const client = async () => {
    while (left > 0) {
      left--;
      results.push(await allocate(stream.url, token, stream.networkId));
    }
  };
  await Promise.all(Array.from({ length: stream.clients }, client));
  return results;
}

export async function allocationThroughput(urls: [string, string], token: string, networks: [number, number]): Promise<Figure[]> {
  const [a, b] = urls;
  const [x, y] = networks;
  const half = (url: string, networkId: number): Stream => ({ url, networkId, calls: CALLS / 2, clients: CLIENTS / 2 });
  const setups = {
    one: [{ url: a, networkId: x, calls: CALLS, clients: CLIENTS }],
    twoByTwo: [half(a, x), half(b, y)],
    sameNetwork: [half(a, x), half(b, x)],
  } satisfies Record<string, Stream[]>;
  // Each instance loads the allocate route on its first call: start-up, not allocation, cost.
  for (const [url, id] of [[a, x], [b, y]] as const) {
    const warm = await allocate(url, token, id);
    if (warm.status !== 201) throw new Error(`warm-up allocation failed: HTTP ${warm.status}`);
  }
  const rates: Record<keyof typeof setups, number[]> = { one: [], twoByTwo: [], sameNetwork: [] };
  const handedOut = new Map<number, Set<string>>([[x, new Set()], [y, new Set()]]);
  let errors = 0;
  let duplicates = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of Object.keys(setups) as Array<keyof typeof setups>) {
      const t0 = performance.now();
      const results = await Promise.all(setups[name].map(async (s) => ({ s, r: await runStream(s, token) })));
      rates[name].push(CALLS / ((performance.now() - t0) / 1000));
      for (const { s, r } of results) {
        for (const one of r) {
          if (one.status !== 201 || !one.address) errors++;
          else if (handedOut.get(s.networkId)!.has(one.address)) duplicates++;
          else handedOut.get(s.networkId)!.add(one.address);
        }
      }
    }
  }
  const one = median(rates.one);
  const twoByTwo = median(rates.twoByTwo);
  const same = median(rates.sameNetwork);
  const speedup = twoByTwo / one;
  const checks = `${errors} errors, ${duplicates} duplicates over ${ROUNDS * 3 * CALLS} allocations`;
  return [
    {
      case: `allocation throughput, 2 instances × 2 networks vs 1 instance (${CALLS} allocations, ${CLIENTS} in flight, median of ${ROUNDS})`,
      goal: "≥ 1.5x, 0 errors, 0 duplicates",
      display: `${speedup.toFixed(2)}x (1 instance: ${one.toFixed(0)}/s, 2 × 2: ${twoByTwo.toFixed(0)}/s; ${checks})`,
      ok: speedup >= 1.5 && errors === 0 && duplicates === 0,
    },
    {
      case: "allocation throughput, 2 instances × 1 network (serialized by the network's lock)", goal: "–",
      display: `${(same / one).toFixed(2)}x (${same.toFixed(0)}/s)`, ok: true, info: true,
    },
  ];
}
