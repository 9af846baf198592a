import { overrideEnv, type Env } from "../../lib/env";

/**
 * Runs `fn` with this process pointed at another database (getDb() and
 * loadEnv() follow), then puts the environment back as it was, so that the
 * suites after this one (and the servers they spawn) do not inherit it.
 */
export async function withEnv<T>(values: Partial<Record<keyof Env, string>>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.keys(values).map((k) => [k, process.env[k]] as const);
  overrideEnv(values);
  try {
    return await fn();
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    overrideEnv({});
  }
}
