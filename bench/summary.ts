// One row of the summary table bench/run.ts prints at the end, from any
// suite's row. Suites return BenchRow (bench/api/figure.ts); older ones may
// carry other columns, which are kept in `measured` rather than dropped.

export type SuiteRow = { case: string; ok: boolean; goal?: string; measured?: string; baseline?: string; ratio?: number } & Record<string, unknown>;

export interface SummaryRow {
  suite: string;
  case: string;
  goal: string;
  measured: string;
  baseline: string;
  ratio: string;
  /** yes / NO (the goal missed) / info (context, no goal) / skipped. */
  ok: "yes" | "NO" | "info" | "skipped";
}

const KNOWN = new Set(["case", "ok", "goal", "measured", "baseline", "ratio"]);

export function summaryRow(suite: string, row: SuiteRow): SummaryRow {
  const others = Object.entries(row).filter(([k]) => !KNOWN.has(k)).map(([k, v]) => `${k}: ${String(v)}`);
  const measured = [row.measured, ...others].filter((x) => x !== undefined && x !== "").join("; ");
  const info = row.case.startsWith("(info)") || row.goal === "–";
  return {
    suite,
    case: row.case,
    goal: row.goal ?? "–",
    measured: measured || "–",
    baseline: row.baseline ?? "–",
    ratio: row.ratio === undefined || !Number.isFinite(row.ratio) ? "–" : `${row.ratio < 0.1 ? row.ratio.toFixed(3) : row.ratio.toFixed(2)}x`,
    ok: !row.ok ? "NO" : info ? "info" : "yes",
  };
}
