// `npm run admin -- <command>`: administration from the server's shell.
//   user create --email <e> --password <p> --role <admin|editor|viewer> [--name <n>]
//   token create --name <name> --role <admin|editor|viewer> [--expires <ISO date>]
// `token create` prints the new token alone on the last line of stdout.
import { parseArgs } from "node:util";
import { EnvError, loadEnv } from "@/lib/env";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { createUser } from "@/lib/services/users/create-user";
import { createApiToken } from "@/lib/services/tokens/create-api-token";
import { toAppError } from "@/lib/errors";

const USAGE = `usage:
  npm run admin -- user create --email <e> --password <p> --role <admin|editor|viewer> [--name <n>]
  npm run admin -- token create --name <name> --role <admin|editor|viewer> [--expires <ISO date>]`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      expires: { type: "string" },
    },
  });
  const command = positionals.join(" ");
  await migrateDatabase(loadEnv().DATABASE_URL);
  if (command === "user create") {
    const user = await createUser(null, { email: values.email ?? "", password: values.password ?? "", role: values.role as never, name: values.name });
    console.log(`Created ${user.role} ${user.email}`);
  } else if (command === "token create") {
    const { token, record } = await createApiToken(null, { name: values.name ?? "", role: values.role as never, expires_at: values.expires });
    console.log(`Created ${record.role} token "${record.name}" (id ${record.id}). It is shown only once:`);
    console.log(token);
  } else {
    console.error(USAGE);
    process.exit(2);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof EnvError) console.error(error.message);
  else {
    const appError = toAppError(error);
    const fields = appError.details ? ` ${JSON.stringify(appError.details)}` : "";
    console.error(`${appError.code}: ${appError.message}${fields}`);
  }
  process.exit(1);
});
