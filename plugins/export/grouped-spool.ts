import "server-only";
import { Spool, TEXT_READ_SIZE } from "@/plugins/export/spool";

// Lines sorted into groups on disk, for exports whose file is ordered by
// something other than the read (Kea: by subnet, where a parent network's
// hosts come before and after its children's in address order). Lines are
// buffered per group and written out as runs once 1 MB is pending, so memory
// stays that buffer plus a few numbers per group; a group's lines come back
// in the order they were appended.

const FLUSH_AT = 1 << 20;

interface Group {
  /** (start, length) pairs of the group's runs in the spool. */
  runs: number[];
  pending: string[];
  lines: number;
}

export class GroupedSpool {
  private readonly spool = new Spool();
  private readonly groups = new Map<string, Group>();
  private pendingChars = 0;

  /** `flushAt`: pending characters that make the groups go to disk (tests pass a few). */
  constructor(private readonly flushAt = FLUSH_AT) {}

  /** Appends one ASCII line without its line break to `key`'s group. */
  append(key: string, line: string): void {
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = { runs: [], pending: [], lines: 0 }));
    group.pending.push(line);
    group.lines++;
    this.pendingChars += line.length + 1;
    if (this.pendingChars >= this.flushAt) this.flush();
  }

  private flush(): void {
    for (const group of this.groups.values()) {
      if (!group.pending.length) continue;
      const text = `${group.pending.join("\n")}\n`;
      group.runs.push(this.spool.size, text.length);
      this.spool.write(text);
      group.pending = [];
    }
    this.pendingChars = 0;
  }

  /** How many lines `key`'s group holds. */
  count(key: string): number {
    return this.groups.get(key)?.lines ?? 0;
  }

  /** `key`'s lines, in order, a run's chunk at a time (nothing for an unknown group). */
  async *lines(key: string): AsyncGenerator<string[]> {
    const group = this.groups.get(key);
    if (!group) return;
    if (this.pendingChars) this.flush();
    let partial = "";
    for (let i = 0; i < group.runs.length; i += 2) {
      for await (const chunk of this.spool.read(group.runs[i], group.runs[i] + group.runs[i + 1], TEXT_READ_SIZE)) {
        const parts = (partial + Buffer.from(chunk).toString("latin1")).split("\n");
        partial = parts.pop()!;
        if (parts.length) yield parts;
      }
    }
  }

  close(): void {
    this.spool.close();
  }
}

/** Splits streamed text (string and byte chunks of ASCII) into lines; a last line without a break is dropped. */
export async function* splitLines(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<string[]> {
  let partial = "";
  for await (const chunk of chunks) {
    const parts = (partial + (typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("latin1"))).split("\n");
    partial = parts.pop()!;
    if (parts.length) yield parts;
  }
}
