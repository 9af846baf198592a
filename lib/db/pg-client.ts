import pg from "pg";

// A single short-lived PostgreSQL connection, for tools (migrations, scratch
// databases, tests, benchmarks) that run outside the app's pool.

/** Runs `fn` on a new connection to `url`, closed afterwards. */
export async function withPgClient<T>(url: string, fn: (client: pg.Client) => Promise<T>, options: pg.ClientConfig = {}): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, ...options });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** One statement outside a transaction (CREATE/DROP DATABASE cannot run in one). */
export async function runPgStatement(url: string, sql: string): Promise<void> {
  await withPgClient(url, (client) => client.query(sql));
}
