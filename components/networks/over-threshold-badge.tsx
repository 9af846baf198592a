/**
 * "Over 80%": a network at or above its utilization threshold. Text and an
 * icon, not colour alone (WCAG 1.4.1); the threshold is the network's own,
 * else the instance's default.
 */
export function OverThresholdBadge({ threshold }: { threshold: number }) {
  return (
    <span
      className="inline-flex shrink-0 items-center gap-1 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-300"
      data-testid="over-threshold"
      title={`Utilization is at or above this network's ${threshold}% threshold`}
    >
      <span aria-hidden>▲</span>Over {threshold}%
    </span>
  );
}
