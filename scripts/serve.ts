// The production server `npm start` ends in (after scripts/start.ts has
// prepared the database and the build, in the same process): Next behind our
// own HTTP server, so that the app can know the caller's address and which
// forwarded headers to believe (docs/authentication.md, "Reverse proxies").
// Also started alone (lib/http/serve-command.ts) for extra instances.
import { randomBytes } from "node:crypto";
import { EnvError, exportServerEnv, loadEnv } from "@/lib/env";
import { startProductionServer } from "@/lib/http/production-server";
import { scheduleChangePruning } from "@/lib/boot/schedule-change-pruning";

async function main(): Promise<void> {
  exportServerEnv(randomBytes(32).toString("base64url"));
  const env = loadEnv();
  const server = await startProductionServer({
    host: env.HOST,
    port: env.PORT,
    policy: { peerKey: env.IPAM_PEER_KEY!, trustProxy: env.TRUST_PROXY, trustedProxies: env.TRUSTED_PROXIES },
  });
  const shownHost = env.HOST === "0.0.0.0" ? "localhost" : env.HOST;
  console.log(`IPAM listening on http://${shownHost}:${env.PORT}`);
  // Retention (CHANGELOG_RETENTION_DAYS): pruned at start-up (prepareInstance), then daily here.
  if (env.CHANGELOG_RETENTION_DAYS > 0) scheduleChangePruning();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      // Finish what is in flight, then go; a client holding a connection open does not keep us up.
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      setTimeout(() => process.exit(0), 5_000).unref();
    });
  }
}

main().catch((error: unknown) => {
  // One line: a bad variable names itself; "listen EADDRINUSE: address already in use 127.0.0.1:3000" says the rest.
  const message = (error as Error).message.split("\n")[0];
  console.error(error instanceof EnvError ? message : `Start failed: ${message}`);
  process.exit(1);
});
