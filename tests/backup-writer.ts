// A writer in another process, for the `backup --sqlite` test: commits
// batches of hosts through the service layer (so, with BEGIN IMMEDIATE and
// the busy timeout, like a second server) until it is killed, and prints
// "wrote <n>" after each commit. Run with tsx --conditions=react-server and
// DATABASE_URL set.
import type { Actor } from "@/lib/auth/roles";
import { hostSchema } from "@/lib/schemas/host";
import { createHosts } from "@/lib/services/hosts/create-hosts";

const admin: Actor = { kind: "user", id: 1, name: "writer", role: "admin" };
const BATCH = 50;

async function main(): Promise<void> {
  for (let n = 0; ; n += BATCH) {
    const hosts = Array.from({ length: BATCH }, (_, i) => {
      const k = n + i;
      return hostSchema.parse({ ip_address: `172.${16 + (k >> 16)}.${(k >> 8) & 255}.${k & 255}`, hostname: `w${k}` });
    });
    await createHosts(admin, hosts);
    console.log(`wrote ${n + BATCH}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
