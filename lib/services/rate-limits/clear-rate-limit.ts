import "server-only";
import { deleteCounter } from "@/lib/db/raw";

/** Forgets `key`'s hits and any lock-out (an admin resetting a user's password lifts that account's lock-out). */
export function clearRateLimit(key: string): Promise<void> {
  return deleteCounter(key);
}
