import { addressCount, capacity, clipRanges, type Prefix, type Range } from "@/lib/ipam";

// THE utilization of a network, and when it counts as nearly full. The
// network representation (serializeNetwork), the list filters
// (utilization_gte, over_threshold) and the dashboard all call these, so a
// network flagged in one place is flagged in every other.

/** Percent with two decimals, without going through a double for 2^128-sized numbers. */
const percent = (part: bigint, whole: bigint) => (whole === 0n ? 0 : Number((part * 10_000n) / whole) / 100);

/**
 * used_hosts / capacity in percent; a container holds networks, not hosts,
 * so its use is the share of its space its direct children cover (as in NetBox).
 */
export function networkUtilization(prefix: Prefix, status: string, usedHosts: bigint, children: ReadonlyArray<Range>): number {
  if (status !== "container") return percent(usedHosts, capacity(prefix));
  let covered = 0n;
  for (const c of clipRanges(prefix, children)) covered += c.last - c.first + 1n;
  return percent(covered, addressCount(prefix));
}

/** The network's own threshold, else the instance's default (UTILIZATION_WARN_PERCENT). */
export const effectiveThreshold = (own: number | null, defaultPercent: number): number => own ?? defaultPercent;

/** At the threshold counts: a network at 80% is "over 80%" for the warning, like utilization_gte=80. */
export const isOverThreshold = (utilization: number, threshold: number): boolean => utilization >= threshold;
