import { nullsSortLast } from "@/lib/db/raw/keyset-order";
import { AppError } from "@/lib/errors";
import { CURSOR_MESSAGE, type CursorValue } from "@/lib/schemas/cursor";

// A list's order as columns, and "the rows after this key" as a Prisma
// where: the keyset predicate behind every cursor and every deep page. The
// last column must be unique (the tie-breaker), so a key names one position.

export interface OrderColumn {
  /** The Prisma field. */
  field: string;
  desc: boolean;
  /** The column holds NULLs (sorted where the engine puts them: lib/db/raw/keyset-order). */
  nullable?: boolean;
  /** How the value travels in a cursor: "date" as ISO text, "int" as a number, else text. */
  type?: "text" | "int" | "date";
}

/** A Prisma where fragment; {} is true and { OR: [] } is false. */
export type Where = Record<string, unknown>;
const TRUE: Where = {};
const FALSE: Where = { OR: [] };

/** The sort as its query parameter spells it ("-hostname"): what a cursor is made for. */
export const sortText = (sort: { field: string; desc: boolean }): string => `${sort.desc ? "-" : ""}${sort.field}`;

export function orderByOf(columns: readonly OrderColumn[]): Record<string, "asc" | "desc">[] {
  return columns.map((c) => ({ [c.field]: c.desc ? "desc" : "asc" }));
}

/** The same order read backwards (NULLs flip sides with the direction on both engines). */
export function reversed(columns: readonly OrderColumn[]): OrderColumn[] {
  return columns.map((c) => ({ ...c, desc: !c.desc }));
}

/** The key columns only: a boundary read that an index covers. */
export function keySelect(columns: readonly OrderColumn[]): Record<string, true> {
  return Object.fromEntries(columns.map((c) => [c.field, true]));
}

/** A row's position in this order, as a cursor carries it. */
export function keyOf(row: Record<string, unknown>, columns: readonly OrderColumn[]): CursorValue[] {
  return columns.map((c) => {
    const v = row[c.field];
    if (v === null || v === undefined) return null;
    if (v instanceof Date) return v.toISOString();
    return typeof v === "number" ? v : String(v);
  });
}

function badCursor(): never {
  throw new AppError("bad_request", `Invalid query parameter cursor: ${CURSOR_MESSAGE}`, { cursor: [CURSOR_MESSAGE] });
}

/** The key's values as Prisma compares them; a key that does not fit the order is a 400 naming `cursor`. */
export function checkedKey(key: readonly CursorValue[], columns: readonly OrderColumn[]): unknown[] {
  if (key.length !== columns.length) badCursor();
  return columns.map((c, i) => {
    const v = key[i];
    if (v === null) return c.nullable ? null : badCursor();
    if (c.type === "int") return typeof v === "number" && Number.isInteger(v) ? v : badCursor();
    if (typeof v !== "string") badCursor();
    if (c.type === "date") {
      const d = new Date(v);
      return Number.isNaN(d.getTime()) ? badCursor() : d;
    }
    return v;
  });
}

/** Whether NULLs come after the values in this column's direction. */
const nullsAfter = (c: OrderColumn) => nullsSortLast() !== c.desc;

function after(c: OrderColumn, v: unknown): Where {
  if (v === null) return nullsAfter(c) ? FALSE : { [c.field]: { not: null } };
  const beyond = { [c.field]: c.desc ? { lt: v } : { gt: v } };
  return c.nullable && nullsAfter(c) ? { OR: [beyond, { [c.field]: null }] } : beyond;
}

function atOrAfter(c: OrderColumn, v: unknown): Where {
  if (v === null) return nullsAfter(c) ? { [c.field]: null } : TRUE;
  const from = { [c.field]: c.desc ? { lte: v } : { gte: v } };
  return c.nullable && nullsAfter(c) ? { OR: [from, { [c.field]: null }] } : from;
}

function afterFrom(columns: readonly OrderColumn[], values: readonly unknown[], i: number): Where {
  const here = after(columns[i], values[i]);
  if (i === columns.length - 1) return here;
  return { OR: [here, { AND: [{ [columns[i].field]: values[i] }, afterFrom(columns, values, i + 1)] }] };
}

/**
 * The rows strictly after `values` in this order. The first column also gets
 * a plain range bound (≥ its value), so an index on it seeks instead of
 * reading from the start.
 */
export function afterKey(columns: readonly OrderColumn[], values: readonly unknown[]): Where {
  if (columns.length === 1) return after(columns[0], values[0]);
  const rest = afterFrom(columns, values, 1);
  return { AND: [atOrAfter(columns[0], values[0]), { OR: [after(columns[0], values[0]), { AND: [{ [columns[0].field]: values[0] }, rest] }] }] };
}
