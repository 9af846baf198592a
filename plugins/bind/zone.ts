import { hasControlCharacters } from "@/lib/schemas/dns";
import type { RecordType } from "@/plugins/bind/types";

// One zone being filled: its record lines (owners relative to the zone's
// $ORIGIN) and comments for what was left out go to a sink (the export
// spools them to disk, plugins/bind/zone-spool.ts); the per-type counts for
// the header stay here. Every line passes a final guard: nothing that could
// end a record, start a comment, a directive or a parenthesised list
// (space, ';', '$', '(', quotes, '\') can come from stored data.

const SAFE_RECORD = /^(?:@|[a-z0-9/-]+(?:\.[a-z0-9/-]+)*)\tIN\t(?:A|AAAA|CNAME|PTR|NS)\t[a-z0-9.:/-]+$/;

/** Names this export may write: checked DNS names plus RFC 2317 labels ("0/26") and nibbles. */
export function recordLine(owner: string, type: RecordType, data: string): string {
  const line = `${owner}\tIN\t${type}\t${data}`;
  if (!SAFE_RECORD.test(line)) throw new Error("refusing to write an unsafe zone file line");
  return line;
}

export function commentLine(text: string): string {
  if (hasControlCharacters(text)) throw new Error("refusing to write a comment with a control character");
  return `; ${text}`;
}

export type ZoneKind = "forward" | "reverse";
export type LineKind = RecordType | "left out";

/** Where a zone's lines go, in the order they are written. */
export type LineSink = (zone: Zone, line: string) => void;

export class Zone {
  readonly counts: Record<LineKind, number> = { A: 0, AAAA: 0, CNAME: 0, PTR: 0, NS: 0, "left out": 0 };

  constructor(readonly name: string, readonly kind: ZoneKind, private readonly sink: LineSink) {}

  /** The zone file's name: a zone name with RFC 2317's '/' made file-safe. */
  get file(): string {
    return `${this.name.replace(/\//g, "-")}.zone`;
  }

  /** `owner` is absolute (without the trailing dot) and inside this zone; a name in `data` is absolute too. */
  add(owner: string, type: RecordType, data: string): void {
    const relative = owner === this.name ? "@" : owner.slice(0, owner.length - this.name.length - 1);
    const value = type === "A" || type === "AAAA" ? data : `${data}.`;
    this.write(recordLine(relative, type, value), type);
  }

  /** Something left out, with the reason; never quotes a stored value that failed validation. */
  leaveOut(text: string): void {
    this.write(commentLine(text), "left out");
  }

  /** A line already built and guarded (the one-pass export replays them, plugins/bind/zone-recorder.ts). */
  write(line: string, kind: LineKind): void {
    this.sink(this, line);
    this.counts[kind]++;
  }

  /** Whether `fqdn` is this zone's apex or a name inside it. */
  holds(fqdn: string): boolean {
    return fqdn === this.name || fqdn.endsWith(`.${this.name}`);
  }
}
