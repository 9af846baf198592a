import { Fragment } from "react";
import { compactCount, exactCount } from "@/components/ui/format-count";

/**
 * A count as text on screen: exact and grouped, with the compact form first
 * when it is IPv6-sized ("2^80 (1,208,925,…)"; see format-count.ts). A long
 * number may break only after a comma (<wbr>), so it wraps inside a narrow
 * column or card instead of overflowing it, and still copies as one number.
 */
export function Count({ value, className, exactClassName }: { value: number | string | bigint; className?: string; exactClassName?: string }) {
  const compact = compactCount(value);
  const groups = exactCount(value).split(",");
  const digits = groups.map((group, i) => (
    <Fragment key={i}>
      {i > 0 && <>,<wbr /></>}
      {group}
    </Fragment>
  ));
  if (!compact) return <span className={className}>{digits}</span>;
  return (
    <span className={className} data-compact={compact}>
      {compact} <span className={exactClassName}>({digits})</span>
    </span>
  );
}
