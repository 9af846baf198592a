// How `npm start` (scripts/start.ts) orders the server's listening and the
// rest of the preparation (scripts/prepare.ts, a child process):
// - when the rest must come first (migrations were just applied, so the
//   host-name backfill; a first admin from IPAM_ADMIN_*), the child runs
//   while Next loads and the server listens once it is done, so no request
//   meets a half-prepared database;
// - otherwise the server listens as soon as Next is loaded, and the child
//   (change-log upkeep, the address-space report) starts after that, so it
//   does not take CPU from the start.

let gate: Promise<void> = Promise.resolve();
const afterListening: Array<() => void> = [];

/** The server waits for `preparation` before it listens (a failed preparation exits the process itself). */
export function holdListeningUntil(preparation: Promise<void>): void {
  gate = preparation;
}

export function listeningAllowed(): Promise<void> {
  return gate;
}

/** Runs `task` once the server listens. */
export function whenListening(task: () => void): void {
  afterListening.push(task);
}

/** Called by the server once it listens. */
export function nowListening(): void {
  for (const task of afterListening.splice(0)) task();
}
