import type { Figure } from "./figure";

// One table for both engines: PostgreSQL's goal is to stay within 2x of
// SQLite on every compared figure, on top of each figure's own goal.

export interface SideBySideRow { case: string; sqlite: string; postgres: string; ratio: string; goal: string; ok: boolean }

const MAX_RATIO = 2;

export function sideBySide(sqlite: Figure[], postgres: Figure[]): SideBySideRow[] {
  const names = [...new Set([...sqlite, ...postgres].map((f) => f.case))];
  return names.map((name) => {
    const s = sqlite.find((f) => f.case === name);
    const p = postgres.find((f) => f.case === name);
    const info = (s ?? p)!.info;
    // How many times slower PostgreSQL is (a rate compares the other way round).
    const ratio = s?.value !== undefined && p?.value !== undefined && s.value > 0 && p.value > 0
      ? ((s ?? p)!.higherIsBetter ? s.value / p.value : p.value / s.value)
      : undefined;
    const compared = ratio !== undefined && !info && !name.startsWith("backup") && !name.startsWith("restore");
    const ownGoal = (s ?? p)!.goal;
    return {
      case: info ? `(info) ${name}` : name,
      sqlite: s?.display ?? "–",
      postgres: p?.display ?? "–",
      ratio: ratio === undefined ? "–" : `${ratio.toFixed(2)}x`,
      goal: compared ? `${ownGoal}; PG ≤ ${MAX_RATIO}x SQLite` : ownGoal,
      ok: (s?.ok ?? true) && (p?.ok ?? true) && (!compared || ratio! <= MAX_RATIO),
    };
  });
}

/** The summary's one row for the side-by-side goal: the worst PostgreSQL/SQLite ratio over the compared figures. */
export function engineRatioRow(rows: SideBySideRow[]): { case: string; goal: string; measured: string; ok: boolean } {
  const compared = rows.filter((r) => r.goal.includes(`PG ≤ ${MAX_RATIO}x SQLite`));
  const worst = compared.reduce<SideBySideRow | undefined>((w, r) => (!w || parseFloat(r.ratio) > parseFloat(w.ratio) ? r : w), undefined);
  return {
    case: `PostgreSQL within ${MAX_RATIO}x of SQLite on every compared figure (${compared.length})`, goal: `≤ ${MAX_RATIO}x`,
    measured: worst ? `worst ${worst.ratio}: ${worst.case}` : "nothing compared",
    ok: compared.every((r) => parseFloat(r.ratio) <= MAX_RATIO),
  };
}
