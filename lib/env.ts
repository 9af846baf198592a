import { z } from "zod";

// The only module that reads process.env. Everything else asks loadEnv().

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .default("file:./data/ipam.db")
    // The message never repeats the value: a PostgreSQL URL carries a password.
    .refine(isDatabaseUrl, { message: "must be file:<path to an SQLite file> or postgresql://user:password@host:port/database" }),
  /** Connections each app instance keeps open to PostgreSQL (ignored for SQLite). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  AUTH_SECRET: z.string().min(16).optional(),
  IPAM_ADMIN_EMAIL: z.email().optional(),
  IPAM_ADMIN_PASSWORD: z.string().min(8).optional(),
  CHROMIUM_PATH: z.string().default("/usr/bin/chromium"),
  NEXT_DIST_DIR: z.string().default(".next"),
  E2E_PORT: z.coerce.number().int().min(1).max(65535).default(3100),
  E2E_DATA_DIR: z.string().default("./data/e2e"),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

let cached: Env | undefined;

/** Parses the environment once; a bad value throws one line naming the variable. */
export function loadEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EnvError(`Invalid environment variable ${String(issue.path[0])}: ${issue.message}`);
  }
  cached = parsed.data;
  return cached;
}

/** For tests: point this process at another database or data folder. */
export function overrideEnv(values: Partial<Record<keyof Env, string>>): void {
  Object.assign(process.env, values);
  cached = undefined;
}

/** Environment for the child `next` process: next-auth v4 must trust the Host header. */
export function childProcessEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, AUTH_TRUST_HOST: "true", ...extra };
}

/** A SQLite file: URL, or a postgres(ql):// URL naming a host and a database. */
function isDatabaseUrl(value: string): boolean {
  if (/^file:.+/.test(value)) return true;
  if (!/^postgres(ql)?:\/\//.test(value)) return false;
  try {
    const url = new URL(value);
    // pg decodes these itself and would throw "URI malformed" at connect time.
    decodeURIComponent(url.username + url.password + url.pathname + url.search);
    return url.hostname !== "" && url.pathname.length > 1 && !url.pathname.slice(1).includes("/");
  } catch {
    return false;
  }
}

/** Which engine a DATABASE_URL selects: postgres(ql):// is PostgreSQL, anything else (file:) SQLite. */
export function databaseEngine(url: string): "sqlite" | "postgresql" {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/** The URL with its password replaced, for messages and logs. */
export function redactDatabaseUrl(url: string): string {
  // Up to the last "@" of the authority, as URL parsers read it: a password may contain "@".
  return url.replace(/^(postgres(?:ql)?:\/\/[^:@/]*:)[^/?#]*@/, "$1***@");
}

/** SQLite file path from a file: URL, resolved against the working directory. */
export function sqlitePath(url: string): string {
  return url.replace(/^file:/, "");
}
