// Keyboard movement in the address map, the WAI-ARIA APG grid pattern
// (https://www.w3.org/WAI/ARIA/apg/patterns/grid/): the map is one tab stop
// and these keys move between its cells. Focus stays put at an edge instead
// of wrapping, so a screen reader user knows where a row ends.

/** Cells per row: a /24 is 16 rows of 16, and every row starts on a multiple of 16. */
export const MAP_COLUMNS = 16;
/** Rows that PageUp/PageDown skip: 64 addresses, a /26. */
export const MAP_PAGE_ROWS = 4;

/**
 * The cell a key moves focus to, from cell `index` of `count` cells laid out
 * `columns` to a row; null for a key the map leaves alone (Tab, Enter, …).
 * Home/End stay in the row; with Ctrl (⌘ on a Mac) they go to the first and
 * last cell of the map.
 */
export function cellAfterKey(key: string, ctrl: boolean, index: number, count: number, columns = MAP_COLUMNS, pageRows = MAP_PAGE_ROWS): number | null {
  const row = Math.floor(index / columns);
  const column = index % columns;
  const rowStart = row * columns;
  const rowEnd = Math.min(rowStart + columns, count) - 1;
  const lastRow = Math.floor((count - 1) / columns);
  const inRow = (target: number) => Math.min(target * columns + column, count - 1);
  switch (key) {
    case "ArrowRight":
      return Math.min(index + 1, rowEnd);
    case "ArrowLeft":
      return Math.max(index - 1, rowStart);
    case "ArrowDown":
      return index + columns < count ? index + columns : index;
    case "ArrowUp":
      return index - columns >= 0 ? index - columns : index;
    case "Home":
      return ctrl ? 0 : rowStart;
    case "End":
      return ctrl ? count - 1 : rowEnd;
    case "PageDown":
      return inRow(Math.min(row + pageRows, lastRow));
    case "PageUp":
      return inRow(Math.max(row - pageRows, 0));
    default:
      return null;
  }
}
