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
}

/** The table row every suite prints (bench/run.ts). */
export interface BenchRow { case: string; goal: string; measured: string; ok: boolean }

export const asRow = (f: Figure): BenchRow => ({ case: f.info ? `(info) ${f.case}` : f.case, goal: f.goal, measured: f.display, ok: f.ok });
