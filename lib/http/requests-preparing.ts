// How many API requests this process has accepted that have not reached
// their route's handler yet (authentication, parsing). Group commit
// (lib/services/ip/allocate-ip.ts) waits for them a moment before it starts
// a batch: some are likely allocations that would otherwise each pay for a
// transaction of their own.

let preparing = 0;

export const requestsPreparing = (): number => preparing;

/** Counts one request as preparing; the returned function ends that (once, however often called). */
export function preparingRequest(): () => void {
  preparing++;
  let done = false;
  return () => {
    if (!done) (done = true), preparing--;
  };
}
