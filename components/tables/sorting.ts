import type { SortingState } from "@tanstack/react-table";

/** "-ip_address" ⇄ [{ id: "ip_address", desc: true }]: the API's sort parameter as table state. */
export function sortingFromParam(sort: { field: string; desc: boolean }): SortingState {
  return [{ id: sort.field, desc: sort.desc }];
}

export function sortingToParam(sorting: SortingState, fallback: string): string | null {
  const first = sorting[0];
  if (!first) return null;
  const param = `${first.desc ? "-" : ""}${first.id}`;
  return param === fallback ? null : param;
}
