import { AppError } from "@/lib/errors";

// A discovery file that cannot be read is refused whole, with the line at
// fault: nothing of it reaches the change set, so nothing of it is written.

/** 422 naming the line (1-based); `details.line` for clients, `details.file` for forms. */
export function fileProblem(line: number | null, message: string): AppError {
  const text = line === null ? message : `Line ${line}: ${message}`;
  return new AppError("validation_error", text, { ...(line === null ? {} : { line }), file: [text] });
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The upload as text: invalid UTF-8 is refused (a lease file or nmap XML is always UTF-8 or ASCII); a BOM is dropped. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw fileProblem(null, "The file is not UTF-8 text");
  }
}

/** Each line with its number, without building an array of the whole file. */
export function* linesOf(text: string): Generator<{ line: number; text: string }> {
  let start = 0;
  for (let line = 1; start < text.length; line++) {
    const end = text.indexOf("\n", start);
    const stop = end === -1 ? text.length : end;
    yield { line, text: text.slice(start, stop).replace(/\r$/, "") };
    start = stop + 1;
  }
}

/** Line (1-based) of a character offset. */
export function lineAt(text: string, offset: number): number {
  return lineCounter(text)(offset);
}

/** lineAt for offsets met in document order: counts each line break once, however many offsets are asked. */
export function lineCounter(text: string): (offset: number) => number {
  let line = 1;
  let next = text.indexOf("\n");
  let last = 0;
  return (offset) => {
    if (offset < last) return lineAt(text, offset);
    last = offset;
    while (next !== -1 && next < offset) {
      line++;
      next = text.indexOf("\n", next + 1);
    }
    return line;
  };
}
