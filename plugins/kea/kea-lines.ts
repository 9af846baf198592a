// The text of the Kea file, one line at a time. Values reach the file only
// through JSON.stringify of re-checked data, and a final guard refuses any
// line that is not printable ASCII: no stored value can end a line, open a
// comment or an <?include ?>, or add a key.

const PRINTABLE = /^[\x20-\x7e]*$/;

export function safe(line: string): string {
  if (!PRINTABLE.test(line) || line.includes("<?")) throw new Error("refusing to write an unsafe Kea line");
  return line;
}

/** Kea reads `//` comments (and `#`, `/* *\/`) anywhere whitespace may go. */
export const comment = (indent: string, text: string) => safe(`${indent}// ${text}`);

const q = (value: string) => JSON.stringify(value);

export interface Reservation { mac: string; ip: string; hostname: string | null }

export function reservationLine(family: number, r: Reservation): string {
  const address = family === 6 ? `"ip-addresses": [ ${q(r.ip)} ]` : `"ip-address": ${q(r.ip)}`;
  return safe(`{ "hw-address": ${q(r.mac)}, ${address}${r.hostname ? `, "hostname": ${q(r.hostname)}` : ""} }`);
}

export function poolLine(start: string, end: string): string {
  return safe(`{ "pool": ${q(`${start} - ${end}`)} }`);
}

export function optionLine(name: string, data: string): string {
  return safe(`{ "name": ${q(name)}, "data": ${q(data)} }`);
}

/** `"key": value,` — the value already JSON. */
export const member = (indent: string, key: string, json: string, last = false) => safe(`${indent}${q(key)}: ${json}${last ? "" : ","}`);

/** Items of a JSON array, one per line, commas between. */
export function arrayLines(indent: string, items: readonly string[]): string[] {
  return items.map((item, i) => safe(`${indent}${item}${i < items.length - 1 ? "," : ""}`));
}
