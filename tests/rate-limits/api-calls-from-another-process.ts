// Another instance of the app for the batched API limiter's test: a separate
// process with its own BatchedCounter and database client on the same database.
//   tsx --conditions=react-server tests/rate-limits/api-calls-from-another-process.ts <key> <limit> <flushIntervalMs> <count> <pauseMs> <startAtEpochMs> [leave-pending]
// Waits until startAt, makes `count` calls `pauseMs` apart, writes what is
// pending (unless leave-pending: then the flush timer is left set), and
// prints how many calls were allowed.
import { disconnectDb } from "@/lib/db/client";
import { BatchedCounter } from "@/lib/services/rate-limits/batched-counter";

async function main(): Promise<void> {
  const [key, ...numbers] = process.argv.slice(2, 8);
  const [limit, flushIntervalMs, count, pauseMs, startAt] = numbers.map(Number);
  const leavePending = process.argv[8] === "leave-pending";
  const counter = new BatchedCounter();
  await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
  let allowed = 0;
  for (let i = 0; i < count; i++) {
    if (counter.hit(key, { limit, windowMs: 60_000, flushIntervalMs }).allowed) allowed++;
    await new Promise((r) => setTimeout(r, pauseMs));
  }
  // leave-pending: the first flush has a second to answer, after which the rest wait on the timer.
  if (leavePending) await new Promise((r) => setTimeout(r, 1000));
  else await counter.flushAll();
  process.stdout.write(String(allowed));
  await disconnectDb();
}

void main();
