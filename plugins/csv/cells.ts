// CSV cells as spreadsheets read them. A cell starting with = + - @, a tab or
// a carriage return is a formula to Excel/LibreOffice (CSV injection, OWASP),
// so the writer prefixes it with ' and the reader strips that prefix again.
// Cells that already start with quotes before such a character get one more
// quote, so the mapping stays reversible: every value round-trips exactly.

const TRIGGER = /^'*[=+\-@\t\r]/;
const NEUTRALIZED = /^'+[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function neutralizeCell(value: string): string {
  return TRIGGER.test(value) ? `'${value}` : value;
}

export function restoreCell(value: string): string {
  return NEUTRALIZED.test(value) ? value.slice(1) : value;
}

/** One RFC 4180 field: quoted when it holds a quote, comma or line break, so a multi-line description stays one record. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = neutralizeCell(String(value));
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record with its CRLF terminator (RFC 4180). */
export function csvLine(values: ReadonlyArray<string | number | null | undefined>): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
