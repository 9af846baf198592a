// A second instance of the app, for the rate-limit tests: a separate
// process with its own database client, counting hits on the same database.
//   tsx --conditions=react-server tests/rate-limits/hit-from-another-process.ts <key> <limit> <windowMs> <count>
// Prints how many of its `count` concurrent hits were allowed.
import { disconnectDb } from "@/lib/db/client";
import { hit } from "@/lib/services/rate-limits/hit";

async function main(): Promise<void> {
  const [key, limit, windowMs, count] = process.argv.slice(2);
  const spec = { limit: Number(limit), windowMs: Number(windowMs) };
  const results = await Promise.all(Array.from({ length: Number(count) }, () => hit(key, spec)));
  process.stdout.write(String(results.filter((r) => r.allowed).length));
  await disconnectDb();
}

void main();
