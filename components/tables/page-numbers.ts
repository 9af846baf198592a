/**
 * The page numbers a pager shows: the first and last page, the current one
 * and its neighbours, and "gap" where numbers are left out (a gap never
 * hides a single number: that number is shown instead).
 */
export function pageNumbers(page: number, pages: number, around = 1): (number | "gap")[] {
  if (pages <= 1) return [1];
  const shown = new Set([1, pages]);
  for (let n = page - around; n <= page + around; n++) if (n >= 1 && n <= pages) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  for (const n of sorted) {
    const previous = out.at(-1);
    if (typeof previous === "number" && n - previous === 2) out.push(n - 1);
    else if (typeof previous === "number" && n - previous > 2) out.push("gap");
    out.push(n);
  }
  return out;
}
