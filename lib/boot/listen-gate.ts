// `npm start` with a current build prepares the database (migrations, the
// first admin: scripts/prepare.ts, in a child process) while Next loads in
// the server process, instead of one after the other: the cold start is the
// longer of the two, not their sum. The server listens only once the
// preparation is done, so no request ever meets an unmigrated database.

let gate: Promise<void> = Promise.resolve();

/** The server waits for `preparation` before it listens (a failed preparation exits the process itself). */
export function holdListeningUntil(preparation: Promise<void>): void {
  gate = preparation;
}

export function listeningAllowed(): Promise<void> {
  return gate;
}
