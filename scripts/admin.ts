// `npm run admin -- <command>`: administration from the server's shell.
//   user create|list|set-role|disable|enable|reset-password|delete (scripts/admin-users.ts)
//   token create --name <name> --role <admin|editor|viewer> [--expires <ISO date>] [--read-only] [--cidr <CIDR>]...
//   backup <file> | backup --sqlite <file> | restore <file> [--force] | recount
// `token create` prints the new token alone on the last line of stdout.
import { parseArgs } from "node:util";
import { EnvError, loadEnv } from "@/lib/env";
import { disconnectDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { runUserCommand, USER_USAGE } from "./admin-users";
import { createApiToken } from "@/lib/services/tokens/create-api-token";
import { toAppError } from "@/lib/errors";
import { withChangeContext } from "@/lib/services/changes/change-context";
import { writeBackupFile } from "@/lib/services/backup/write-backup";
import { restoreBackupFile } from "@/lib/services/backup/restore-backup";
import { copySqliteDatabase } from "@/lib/services/backup/copy-sqlite-database";
import type { BackupHeader } from "@/lib/services/backup/backup-format";
import { recountNetworkHostCounts } from "@/lib/services/integrity/recount-network-hosts";

const USAGE = `usage:
${USER_USAGE}
  npm run admin -- token create --name <name> --role <admin|editor|viewer> [--expires <ISO date>] [--read-only] [--cidr <CIDR>]...
  npm run admin -- backup <file>             everything, as one JSON Lines file (either engine; restores on either)
  npm run admin -- backup --sqlite <file>    SQLite only: a consistent copy of the database file
  npm run admin -- restore <file> [--force]  into an empty database (--force replaces everything in it)
  npm run admin -- recount                   rebuild the per-network host counts from the hosts`;

const tableCounts = (header: BackupHeader) => header.tables.map((t) => `${t.name} ${t.count}`).join(", ");

/** Parse errors of the command line are usage errors, not failures of a command. */
function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        email: { type: "string" },
        password: { type: "string" },
        role: { type: "string" },
        name: { type: "string" },
        expires: { type: "string" },
        "read-only": { type: "boolean" },
        cidr: { type: "string", multiple: true },
        sqlite: { type: "boolean" },
        force: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommandLine(argv);
  // Usage needs no database: it prints even where the configured one is unreachable.
  if (values.help || positionals.length === 0 || positionals[0] === "help") {
    console.log(USAGE);
    return;
  }
  const command = positionals.join(" ");
  const [verb, file] = positionals;
  await migrateDatabase(loadEnv().DATABASE_URL);
  if (verb === "user" && positionals.length === 2) {
    if (!(await runUserCommand(file, values))) {
      console.error(USAGE);
      process.exit(2);
    }
  } else if (command === "token create") {
    const { token, record } = await createApiToken(null, {
      name: values.name ?? "", role: values.role as never, expires_at: values.expires, read_only: values["read-only"], allowed_cidrs: values.cidr,
    });
    console.log(`Created ${record.role} token "${record.name}" (id ${record.id}). It is shown only once:`);
    console.log(token);
  } else if (verb === "backup" && file && positionals.length === 2 && values.sqlite) {
    copySqliteDatabase(file);
    console.log(`Copied the SQLite database to ${file}`);
  } else if (verb === "backup" && file && positionals.length === 2) {
    const header = await writeBackupFile(null, file);
    console.log(`Backed up ${tableCounts(header)} to ${file}`);
  } else if (verb === "restore" && file && positionals.length === 2) {
    const { header } = await restoreBackupFile(null, file, { force: values.force });
    console.log(`Restored ${tableCounts(header)} from ${file} (app ${header.app_version}, ${header.engine}, ${header.created_at})`);
  } else if (command === "recount") {
    const { networks, drifted } = await recountNetworkHostCounts();
    console.log(`Recounted the hosts of ${networks} network(s) and the address blocks; ${drifted} kept count(s) had drifted`);
  } else {
    console.error(USAGE);
    process.exit(2);
  }
}

// Every change the CLI makes is recorded with source "cli" (a restore: "restore").
withChangeContext({ source: "cli" }, () => main(process.argv.slice(2)))
  // An idle PostgreSQL pool would keep the process alive for its idle timeout after the work is done.
  .then(() => disconnectDb())
  .catch((error: unknown) => {
    if (error instanceof EnvError) console.error(error.message);
    else {
      const appError = toAppError(error);
      const fields = appError.details ? ` ${JSON.stringify(appError.details)}` : "";
      console.error(`${appError.code}: ${appError.message}${fields}`);
    }
    process.exit(1);
  });
