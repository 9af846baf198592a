import { z } from "zod";
import { parseCidrList } from "./http/cidr-list";
import { parseRoleMap } from "./auth/role-map";
import { formatAddress, tryParseAddress } from "./ipam";
import { dnsNameProblem, normalizeDnsName } from "./schemas/dns";

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
  /** A session's absolute lifetime, however active it is (default 7 days). */
  /** bcrypt cost of new password hashes (2^cost rounds): 12 is ~290 ms a hash on a 2-core machine; the test runs use 10, OWASP's minimum. */
  PASSWORD_HASH_COST: z.coerce.number().int().min(10).max(15).default(12),
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(8760).default(168),
  /** A session unused this long ends (default 12 hours). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(525_600).default(720),
  IPAM_ADMIN_EMAIL: z.email().optional(),
  /** Checked against the password policy when the first admin is made (lib/boot/prepare-instance.ts). */
  IPAM_ADMIN_PASSWORD: z.string().min(1).optional(),
  CHROMIUM_PATH: z.string().default("/usr/bin/chromium-headless-shell"),
  NEXT_DIST_DIR: z.string().default(".next"),
  E2E_PORT: z.coerce.number().int().min(1).max(65535).default(3100),
  E2E_DATA_DIR: z.string().default("./data/e2e"),
  // Rate limits (lib/services/rate-limits). Sign-in: failed attempts per account, then a lock-out, and per client address.
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
  LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).max(100_000).default(30),
  /** API requests per minute per token (or per signed-in user); 0 turns the limit off. */
  API_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(1200),
  /** How often (ms) each instance writes a token's API call count; instances may together go over by about one interval's calls each. */
  API_RATE_LIMIT_FLUSH_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  /** Change records older than this many days are pruned (each existing object keeps its create and latest record); 0 keeps them forever. */
  CHANGELOG_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(0),
  // Discovery (docs/discovery.md).
  /** Hosts not seen by a discovery for this many days are listed as stale (candidates to free). */
  STALE_HOST_DAYS: z.coerce.number().int().min(1).max(36_500).default(30),
  /** A network at or above this utilization (percent) is flagged, unless it has a threshold of its own. */
  UTILIZATION_WARN_PERCENT: z.coerce.number().int().min(1).max(100).default(80),
  /** A live scan (nmap -sn) is killed after this many seconds. */
  DISCOVERY_SCAN_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(86_400).default(600),
  /** The nmap binary for live scans (Debian package nmap; optional: uploads work without it). */
  NMAP_PATH: z.string().min(1).default("/usr/bin/nmap"),
  // Reverse proxies and the client address (docs/authentication.md).
  /** Trust X-Forwarded-Host/-Proto from any peer: only when nothing reaches the app except through the proxy. */
  TRUST_PROXY: flag(false),
  /** Proxies (CIDRs or addresses, comma-separated) whose X-Forwarded-* headers and identity headers count. */
  TRUSTED_PROXIES: z.string().default("").transform((text, ctx) => {
    const parsed = parseCidrList(text);
    if (typeof parsed === "string") ctx.addIssue({ code: "custom", message: parsed });
    return typeof parsed === "string" ? [] : parsed;
  }),
  /** Set by scripts/serve.ts at boot, never by an operator: proves the peer-address header came from our own server. */
  IPAM_PEER_KEY: z.string().min(32).optional(),
  /** The app's public URL; pins next-auth's origin instead of the request's Host. */
  NEXTAUTH_URL: z.url({ protocol: /^https?$/ }).optional(),
  // Single sign-on (docs/authentication.md).
  AUTH_MODE: z.enum(["local", "oidc", "proxy"]).default("local"),
  /** In oidc/proxy mode: admins may still sign in with a password (break-glass) unless this is false. */
  LOCAL_LOGIN: flag(true),
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("single sign-on"),
  OIDC_SCOPES: z.string().min(1).default("openid email profile groups"),
  OIDC_GROUPS_CLAIM: z.string().min(1).default("groups"),
  /** "group=role,…" for OIDC groups and proxy groups alike. */
  OIDC_ROLE_MAP: z.string().default("").transform((text, ctx) => {
    const parsed = parseRoleMap(text);
    if (typeof parsed === "string") ctx.addIssue({ code: "custom", message: parsed });
    return typeof parsed === "string" ? new Map<string, never>() : parsed;
  }),
  /** The role of a user in no mapped group; "none" refuses them. */
  OIDC_DEFAULT_ROLE: z.enum(["viewer", "editor", "admin", "none"]).default("viewer"),
  PROXY_AUTH_USER_HEADER: headerName("x-forwarded-user"),
  PROXY_AUTH_EMAIL_HEADER: headerName().optional(),
  PROXY_AUTH_GROUPS_HEADER: headerName().optional(),
  /** A shared secret the proxy adds to every request, checked in constant time. */
  PROXY_AUTH_SECRET: z.string().min(16).optional(),
  PROXY_AUTH_SECRET_HEADER: headerName("x-proxy-auth-secret"),
  /** DNS servers the Kea exports hand to DHCP clients (comma-separated addresses): IPv4 ones in kea-dhcp4, IPv6 ones in kea-dhcp6. */
  DHCP_DNS_SERVERS: z.string().default("").transform((text, ctx) => {
    const addresses = text.split(",").map((part) => part.trim()).filter(Boolean);
    const bad = addresses.find((a) => { const p = tryParseAddress(a); return !p || formatAddress(p) !== a; });
    if (bad !== undefined) ctx.addIssue({ code: "custom", message: `"${bad}" is not an IP address in canonical form (10.0.0.53, 2001:db8::53)` });
    return bad === undefined ? addresses : [];
  }),
  // BIND zone files (docs/plugins.md "BIND zones"): the records every exported zone starts with.
  /** Name servers of every zone (comma-separated DNS names); the first is the SOA's primary. */
  DNS_ZONE_NS: z.string().default("localhost").transform((text, ctx) => {
    const names = text.split(",").map(normalizeDnsName).filter(Boolean);
    const problem = names.length ? names.map((n) => dnsNameProblem(n) && `"${n}" ${dnsNameProblem(n)}`).find(Boolean) : "must name at least one name server";
    if (problem) ctx.addIssue({ code: "custom", message: problem });
    return names;
  }),
  /** The SOA's contact: a mailbox (hostmaster@example.com, no dot before the @) or its DNS form (hostmaster.example.com). */
  DNS_ZONE_CONTACT: z.string().default("hostmaster@localhost").transform((text, ctx) => {
    const name = normalizeDnsName(text.replace("@", "."));
    const problem = text.indexOf("@") > text.indexOf(".") && text.indexOf(".") >= 0 ? "must have no dot before the @" : dnsNameProblem(name);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
    return name;
  }),
  /** $TTL of every zone record, seconds. */
  DNS_ZONE_TTL: z.coerce.number().int().min(60).max(604_800).default(3600),
}).superRefine(requireAuthModeSettings);

export type Env = z.infer<typeof envSchema>;

/** "true"/"false" (or 1/0); z.coerce.boolean would read "false" as true. */
function flag(byDefault: boolean) {
  return z.enum(["true", "false", "1", "0"]).default(byDefault ? "true" : "false").transform((v) => v === "true" || v === "1");
}

/** An HTTP header name, lower-cased as Headers.get() and Node store them. */
function headerName(byDefault?: string) {
  const name = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, { message: "must be an HTTP header name" }).transform((v) => v.toLowerCase());
  return byDefault === undefined ? name : name.default(byDefault);
}

/** oidc mode cannot start without its three settings: one line naming the first one missing. */
function requireAuthModeSettings(env: { AUTH_MODE: string; OIDC_ISSUER?: string; OIDC_CLIENT_ID?: string; OIDC_CLIENT_SECRET?: string }, ctx: z.RefinementCtx): void {
  if (env.AUTH_MODE !== "oidc") return;
  for (const name of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
    if (!env[name]) {
      ctx.addIssue({ code: "custom", path: [name], message: "is required when AUTH_MODE=oidc" });
      return;
    }
  }
}

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

/**
 * Environment for a child process (`next build`, scripts/serve.ts). The
 * peer key is never inherited: each server makes its own at boot.
 */
export function childProcessEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { IPAM_PEER_KEY: _ownKey, ...inherited } = process.env;
  return { ...inherited, ...extra };
}

/**
 * Called once by scripts/serve.ts before Next loads: the per-boot key that
 * tags the peer-address header (lib/http/peer-header.ts), and next-auth's
 * AUTH_TRUST_HOST. Trusting the host is safe only behind that server: it
 * drops X-Forwarded-Host unless TRUST_PROXY=true or the peer is in
 * TRUSTED_PROXIES, so next-auth builds its URLs from the Host the client
 * connected to. A plain `next start` keeps next-auth's default (NEXTAUTH_URL).
 */
export function exportServerEnv(peerKey: string): void {
  process.env.IPAM_PEER_KEY = peerKey;
  process.env.AUTH_TRUST_HOST = "true";
  cached = undefined;
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
