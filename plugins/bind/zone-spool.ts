import "server-only";
import type { LineSink, Zone } from "@/plugins/bind/zone";
import { GroupedSpool } from "@/plugins/export/grouped-spool";

// Every zone's lines on disk (plugins/export/grouped-spool.ts, one group per
// zone and part), so an export holds a few numbers per zone whatever the
// number of hosts. A zone file's lines come in three parts, in this order:
// the hosts' records and notes, the notes of skipped hosts (written once
// every host is in), and the records that tie the zones together
// (plugins/bind/zone-cuts.ts). A zone's size in bytes is counted as its
// lines go in: a tar entry needs it in its header, before the lines.
//
// The spools take ASCII only (their offsets are string lengths), but a few
// notes cite RFC sections with "§": such lines are stored with each
// non-ASCII character (and '\', which no zone line has) escaped as '\'
// and four hex digits, and unescaped when read.

const NEEDS_ESCAPE = /[^\x00-\x7f]|\\/;

/** A zone line as the spools store it. */
export function storedLine(line: string): string {
  if (!NEEDS_ESCAPE.test(line)) return line;
  return line.replace(/[^\x00-\x7f]|\\/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The zone line a stored one stands for. */
export function zoneLine(stored: string): string {
  if (!stored.includes("\\")) return stored;
  return stored.replace(/\\([0-9a-f]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export type ZonePart = "hosts" | "skipped" | "cuts";
const PARTS: readonly ZonePart[] = ["hosts", "skipped", "cuts"];

export class ZoneSpool {
  private readonly groups = new GroupedSpool();
  private readonly bytes = new Map<string, number>();
  /** The part the sink writes to. */
  part: ZonePart = "hosts";
  readonly sink: LineSink = (zone, line) => this.append(this.part, zone.name, line);

  /** Forward zones are never under arpa, reverse zones always are: a zone's name is its key. */
  append(part: ZonePart, zoneName: string, line: string): void {
    const stored = storedLine(line);
    this.groups.append(`${part}\t${zoneName}`, stored);
    const bytes = stored === line ? line.length : Buffer.byteLength(line);
    this.bytes.set(zoneName, (this.bytes.get(zoneName) ?? 0) + bytes + 1);
  }

  /** Bytes of the zone file after its header: its lines with their breaks, or one empty line when it has none. */
  bodySize(zone: Zone): number {
    return this.bytes.get(zone.name) || 1;
  }

  /** The zone's lines in order, a chunk at a time. */
  async *lines(zone: Zone): AsyncGenerator<string[]> {
    for (const part of PARTS) for await (const lines of this.groups.lines(`${part}\t${zone.name}`)) yield lines.map(zoneLine);
  }

  close(): void {
    this.groups.close();
  }
}
