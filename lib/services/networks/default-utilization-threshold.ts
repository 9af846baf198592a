import "server-only";
import { loadEnv } from "@/lib/env";

/** The threshold (percent) of a network without its own: UTILIZATION_WARN_PERCENT, 80 unless configured. */
export function defaultUtilizationThreshold(): number {
  return loadEnv().UTILIZATION_WARN_PERCENT;
}
