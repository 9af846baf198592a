/**
 * Coloured pill for a host status (active / reserved / inactive). Its look is
 * one class in app/globals.css (.status-badge) rather than twenty utilities:
 * a 250-row hosts page carries it 250 times.
 */
export function StatusBadge({ status }: { status: string }) {
  return <span className="status-badge" data-status={status}>{status}</span>;
}
