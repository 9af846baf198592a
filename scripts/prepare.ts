// Step one of `npm start` (scripts/start.ts), in a process of its own that
// exits when done, so the server process never carries the migration and
// start-up code: data folder, auth secret, migrations, first admin.
import { EnvError } from "@/lib/env";
import { prepareInstance } from "@/lib/boot/prepare-instance";
import { disconnectDb } from "@/lib/db/client";

prepareInstance()
  .then(() => disconnectDb())
  .catch((error: unknown) => {
    // A bad DATABASE_URL or PORT stops the start with one line naming the variable.
    console.error(error instanceof EnvError ? error.message : `Start failed: ${(error as Error).message}`);
    process.exit(1);
  });
