import { z } from "zod";

// The opaque keyset cursor of every paged list (lib/services/paging): the
// sort it was made for, the page number it leads to, whether it reads the
// rows after or before its key, and the key: the sort column's value and the
// tie-breakers of one row. base64url of JSON, so it travels in a URL as is.
// Pure: the list schemas parse it, the UI passes it on unread.

export type CursorValue = string | number | null;

export interface Cursor {
  /** The sort parameter it was made for ("ip_address", "-hostname"). */
  sort: string;
  /** The page number of the rows it leads to (the position when it was made; rows written since may shift it). */
  page: number;
  direction: "after" | "before";
  key: CursorValue[];
}

const payload = z.object({
  s: z.string().max(64),
  p: z.number().int().min(1).max(1_000_000_000),
  d: z.enum(["a", "b"]),
  k: z.array(z.union([z.string().max(512), z.number().finite(), z.null()])).min(1).max(8),
});

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

export function encodeCursor(cursor: Cursor): string {
  return toBase64Url(JSON.stringify({ s: cursor.sort, p: cursor.page, d: cursor.direction === "after" ? "a" : "b", k: cursor.key }));
}

/** The cursor, or null for anything this app did not make. */
export function decodeCursor(text: string): Cursor | null {
  const json = fromBase64Url(text);
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = payload.safeParse(value);
  if (!parsed.success) return null;
  const { s, p, d, k } = parsed.data;
  return { sort: s, page: p, direction: d === "a" ? "after" : "before", key: k };
}

export const CURSOR_MESSAGE = "cursor must be a next_cursor or prev_cursor this list returned";

/** The `cursor` query parameter: absent, or a cursor a list returned (anything else is a 400 naming it). */
export const cursorParam = z
  .string()
  .trim()
  .max(2048, CURSOR_MESSAGE)
  .transform((v, ctx) => {
    const cursor = decodeCursor(v);
    if (!cursor) {
      ctx.addIssue({ code: "custom", message: CURSOR_MESSAGE });
      return z.NEVER;
    }
    return cursor;
  })
  .optional()
  .meta({ description: "Keyset cursor: a next_cursor or prev_cursor from this list with the same sort. Constant cost at any depth; takes the place of page." });
