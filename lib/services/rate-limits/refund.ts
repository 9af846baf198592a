import "server-only";
import { refundCounter } from "@/lib/db/raw";

/**
 * Takes back one hit on `key`: a reserved attempt that turned out not to
 * count (a sign-in that succeeded). Only within the window still running;
 * never below zero.
 */
export function refund(key: string): Promise<void> {
  return refundCounter(key, Date.now());
}
