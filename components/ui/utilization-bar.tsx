/** Horizontal bar for a network's utilization in percent; colour warns from 75 % and 90 %. */
export function UtilizationBar({ percent, label, className = "" }: { percent: number; label?: string; className?: string }) {
  const clamped = Math.max(0, Math.min(100, percent));
  const colour = clamped >= 90 ? "bg-red-500" : clamped >= 75 ? "bg-amber-500" : "bg-emerald-500";
  // Anything in use stays visible even when it rounds to 0 % of a huge network.
  const width = clamped > 0 ? Math.max(clamped, 1.5) : 0;
  const text = `${formatPercent(percent)} used`;
  return (
    <div className={`flex items-center gap-2 ${className}`}>
      <div
        className="h-2 w-full min-w-16 overflow-hidden rounded-full bg-slate-100"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Number(clamped.toFixed(2))}
        aria-label={label ?? text}
      >
        <div className={`h-full rounded-full ${colour}`} style={{ width: `${width}%` }} />
      </div>
      <span className="w-14 shrink-0 text-right text-xs tabular-nums text-slate-600">{formatPercent(percent)}</span>
    </div>
  );
}

export function formatPercent(percent: number): string {
  if (percent > 0 && percent < 0.01) return "<0.01%";
  return `${percent.toFixed(percent >= 10 || percent === 0 ? 0 : percent < 1 ? 2 : 1)}%`;
}
