import { cpus } from "node:os";
import { randomBytes } from "node:crypto";
import { Worker } from "node:worker_threads";
import { loadEnv } from "@/lib/env";

// bcrypt cost PASSWORD_HASH_COST, 12 by default: ~290 ms per hash on our
// 2-core reference machine, slow enough for offline guessing, fast enough for
// an interactive login. Existing hashes keep the cost they were made with.

// bcryptjs is pure JavaScript: on the event loop, five guesses' worth of
// hashing (1.4 s of CPU) stalled every other request. The work runs on worker
// threads instead, one per spare core, so reads stay fast while someone
// signs in or guesses. The worker's source is a string the bundler leaves
// alone; it loads bcryptjs from the app's own node_modules at run time.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { createRequire } = require("node:module");
const bcrypt = createRequire(require("node:path").join(process.cwd(), "package.json"))("bcryptjs");
parentPort.on("message", ({ id, op, password, hash, cost }) => {
  try {
    const result = op === "hash" ? bcrypt.hashSync(password, cost) : bcrypt.compareSync(password, hash);
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});
`;

type Job = { op: "hash"; password: string; cost: number } | { op: "compare"; password: string; hash: string };
type Pending = { worker: Worker; resolve: (value: string | boolean) => void; reject: (error: Error) => void };

const POOL_SIZE = Math.min(4, Math.max(1, cpus().length - 1));

class HashPool {
  private workers: Worker[] = [];
  private busy = new Map<Worker, number>();
  private pending = new Map<number, Pending>();
  private nextId = 0;

  run(job: Job): Promise<string | boolean> {
    const id = ++this.nextId;
    const worker = this.leastBusy();
    this.busy.set(worker, (this.busy.get(worker) ?? 0) + 1);
    // Only a worker with work in hand keeps the process alive (CLI and tests exit when done).
    worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject });
      worker.postMessage({ id, ...job });
    });
  }

  private leastBusy(): Worker {
    if (this.workers.length < POOL_SIZE) return this.spawn();
    return this.workers.reduce((a, b) => ((this.busy.get(a) ?? 0) <= (this.busy.get(b) ?? 0) ? a : b));
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
    worker.on("message", ({ id, result, error }: { id: number; result?: string | boolean; error?: string }) => {
      const job = this.pending.get(id);
      this.pending.delete(id);
      const left = (this.busy.get(worker) ?? 1) - 1;
      this.busy.set(worker, left);
      if (left === 0) worker.unref();
      if (!job) return;
      if (error !== undefined) job.reject(new Error(`Password hashing failed: ${error}`));
      else job.resolve(result!);
    });
    // A dead worker fails what it held and leaves the pool; the next job spawns a fresh one.
    worker.on("error", (error) => this.drop(worker, error));
    worker.on("exit", (code) => this.drop(worker, new Error(`Password worker exited with code ${code}`)));
    this.workers.push(worker);
    return worker;
  }

  private drop(worker: Worker, error: Error): void {
    if (!this.workers.includes(worker)) return;
    this.workers = this.workers.filter((w) => w !== worker);
    this.busy.delete(worker);
    for (const [id, job] of this.pending) {
      if (job.worker !== worker) continue;
      this.pending.delete(id);
      job.reject(error);
    }
  }
}

const globalForHash = globalThis as unknown as { ipamHashPool?: HashPool };
const pool = () => (globalForHash.ipamHashPool ??= new HashPool());

export async function hashPassword(password: string): Promise<string> {
  return (await pool().run({ op: "hash", password, cost: loadEnv().PASSWORD_HASH_COST })) as string;
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash of a random password at the configured cost, compared against when
 * an account is unknown so that a miss costs as long as a hit.
 */
export function hashOfNoAccount(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(18).toString("base64"));
  return dummyHash;
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  return (await pool().run({ op: "compare", password, hash })) as boolean;
}
