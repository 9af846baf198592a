import Papa from "papaparse";

// Reads an uploaded CSV record by record, each with the line number it
// starts on (the header is line 1), so error reports point at the line a
// user sees in an editor even when a quoted cell spans several lines.
// Records are handed over one at a time, never collected here: a 100,000-row
// file is parsed without holding a second copy of it.

export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvSummary {
  header: string[];
  /** Malformed quoting and the like, by line. */
  problems: Array<{ line: number; message: string }>;
}

export interface CsvHandlers {
  /** The first record; may throw to stop reading (a bad header). */
  onHeader(cells: string[]): void;
  onRecord(record: CsvRecord): void;
}

export function readCsv(text: string, handlers: CsvHandlers): CsvSummary {
  return parseCsv(text, handlers, null).summary;
}

/**
 * readCsv for a large upload: it stops every `every` records to give the
 * event loop a turn (1,000,000 rows parsed in one go held every other
 * request for seconds). A handler's throw rejects the promise.
 */
export function readCsvYielding(text: string, handlers: CsvHandlers, every = 5000): Promise<CsvSummary> {
  return parseCsv(text, handlers, every).done;
}

function parseCsv(text: string, handlers: CsvHandlers, pauseEvery: number | null): { summary: CsvSummary; done: Promise<CsvSummary> } {
  // Excel's UTF-8 BOM goes; CRLF becomes LF so files mixing both still split
  // into records. Inside a quoted cell (a multi-line description) that is the
  // same normalization the description field applies anyway.
  const source = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n/g, "\n");
  const summary: CsvSummary = { header: [], problems: [] };
  let settle!: { resolve: (s: CsvSummary) => void; reject: (e: unknown) => void };
  const done = new Promise<CsvSummary>((resolve, reject) => (settle = { resolve, reject }));
  let seenHeader = false;
  let start = 0;
  let counted = 0;
  let line = 1;
  // After a pause Papa's cursor counts from where it stopped.
  let base = 0;
  let records = 0;
  let failed = false;
  Papa.parse<string[]>(source, {
    delimiter: ",",
    newline: "\n",
    step: (result, parser) => {
      // Papa reports where each record ends; the next one starts there.
      for (let i = counted; i < start; i++) if (source.charCodeAt(i) === 10) line++;
      counted = start;
      start = base + result.meta.cursor;
      for (const error of result.errors) summary.problems.push({ line, message: error.message });
      const cells = result.data;
      if (cells.length === 1 && cells[0].trim() === "") return; // blank line
      try {
        if (seenHeader) handlers.onRecord({ line, cells });
        else {
          summary.header = cells;
          seenHeader = true;
          handlers.onHeader(cells);
        }
      } catch (error) {
        if (pauseEvery === null) throw error;
        failed = true;
        parser.abort();
        settle.reject(error);
        return;
      }
      if (pauseEvery !== null && ++records % pauseEvery === 0) {
        base = start;
        parser.pause();
        setImmediate(() => parser.resume());
      }
    },
    complete: () => {
      if (!failed) settle.resolve(summary);
    },
  });
  return { summary, done };
}

/** Every record at once: for small files and tests. */
export function readCsvRecords(text: string): CsvSummary & { records: CsvRecord[] } {
  const records: CsvRecord[] = [];
  return { ...readCsv(text, { onHeader: () => {}, onRecord: (r) => records.push(r) }), records };
}
