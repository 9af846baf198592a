import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

// Where a write comes from, for its change records: set once by each entry
// point (withApi: api; runAction: ui; the importer: import; the admin CLI:
// cli; a restore: restore) around everything the request does, so the
// services need no extra parameter and every record of one request shares
// one request id. A write with no context (a test calling a service) gets a
// request id of its own.

export const changeSources = ["ui", "api", "import", "cli", "restore"] as const;
export type ChangeSource = (typeof changeSources)[number];

export interface ChangeContext {
  requestId: string;
  source: ChangeSource;
  /** The caller's optional "why" (X-Change-Message, a form's change_message). */
  message: string | null;
}

const storage = new AsyncLocalStorage<ChangeContext>();

/** Runs `fn` with `context` over the current one (an import inside an API call keeps its request id and message). */
export function withChangeContext<T>(context: Partial<ChangeContext>, fn: () => T): T {
  const current = storage.getStore();
  return storage.run({ requestId: randomUUID(), source: "api", message: null, ...current, ...definedOnly(context) }, fn);
}

export function currentChangeContext(): ChangeContext | undefined {
  return storage.getStore();
}

function definedOnly(context: Partial<ChangeContext>): Partial<ChangeContext> {
  return Object.fromEntries(Object.entries(context).filter(([, v]) => v !== undefined));
}
