import { AppError } from "@/lib/errors";
import { formatValue, parseAddress } from "@/lib/ipam";
import { CURSOR_MESSAGE, encodeCursor, type Cursor } from "@/lib/schemas/cursor";

// The cursor of the address-ordered lists of one network (available-ips,
// free-ranges): the last address the page showed; the next page starts
// after it.

const SORT = "address";

/** The address a cursor continues after, as a value of `family` (400 naming `cursor` for any other cursor). */
export function addressAfter(cursor: Cursor, family: 4 | 6): bigint {
  const [text] = cursor.key;
  const bad = () => new AppError("bad_request", `Invalid query parameter cursor: ${CURSOR_MESSAGE}`, { cursor: [CURSOR_MESSAGE] });
  if (cursor.sort !== SORT || cursor.direction !== "after" || cursor.key.length !== 1 || typeof text !== "string") throw bad();
  try {
    const a = parseAddress(text);
    if (a.family !== family) throw bad();
    return a.value;
  } catch {
    throw bad();
  }
}

/** The cursor of the page after the one that ended at `last`, or null when there is none. */
export function nextAddressCursor(family: 4 | 6, last: bigint | undefined, more: boolean, page = 1): string | null {
  if (!more || last === undefined) return null;
  return encodeCursor({ sort: SORT, page: page + 1, direction: "after", key: [formatValue(family, last)] });
}
