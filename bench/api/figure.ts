// One measured case on one engine. The side-by-side table compares `value`
// across engines; `ok` is the case's own goal on that engine.

export interface Figure {
  case: string;
  /** The case's own goal, e.g. "p50 < 30 ms". */
  goal: string;
  /** ms, or a rate when `higherIsBetter`; undefined for figures that are not compared across engines. */
  value?: number;
  higherIsBetter?: boolean;
  display: string;
  ok: boolean;
  /** Not a goal, context for reading the others. */
  info?: boolean;
  /** The strongest raw way to get the same answer, measured in the same run (bench/api/raw-baselines.ts). */
  baseline?: Baseline;
}

/** What a figure is compared against: `ratio` = measured / baseline (how many times slower than raw; < 1 is faster). */
export interface Baseline { display: string; ratio: number }

/** The table row every suite prints (bench/run.ts), and the summary table's source. */
export interface BenchRow {
  case: string;
  goal: string;
  measured: string;
  ok: boolean;
  /** The raw figure this case is compared against, measured in the same run. */
  baseline?: string;
  /** measured / baseline: how many times the raw figure's time (< 1: faster than raw). */
  ratio?: number;
}

export const asRow = (f: Figure): BenchRow => ({
  case: f.info ? `(info) ${f.case}` : f.case, goal: f.goal, measured: f.display, ok: f.ok,
  ...(f.baseline ? { baseline: f.baseline.display, ratio: f.baseline.ratio } : {}),
});
