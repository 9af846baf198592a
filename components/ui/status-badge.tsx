const styles: Record<string, string> = {
  active: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  reserved: "bg-amber-50 text-amber-800 ring-amber-600/20",
  inactive: "bg-slate-100 text-slate-600 ring-slate-500/20",
};
const dots: Record<string, string> = {
  active: "bg-emerald-500",
  reserved: "bg-amber-500",
  inactive: "bg-slate-400",
};

/** Coloured pill for a host status (active / reserved / inactive). */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${styles[status] ?? styles.inactive}`}>
      <span className={`h-1.5 w-1.5 rounded-full ${dots[status] ?? dots.inactive}`} aria-hidden />
      {status}
    </span>
  );
}
