import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";

// One worksheet written as a stream (exceljs' WorkbookWriter): the header,
// then each batch of rows as it is read, the zip coming out in chunks.
// Every text is written as a text cell, so "=cmd|' /C calc'!A0" or "+1" in a
// description is shown as typed and never runs as a formula.

import type { TableCell } from "@/plugins/export/export-table";

export async function* writeSheet(name: string, header: readonly string[], batches: AsyncIterable<TableCell[][]>): AsyncGenerator<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(name);
  const written = (async () => {
    sheet.addRow([...header]).commit();
    for await (const rows of batches) for (const row of rows) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
  })();
  written.catch((error: unknown) => out.destroy(error as Error));
  for await (const chunk of out) yield chunk as Uint8Array;
  await written;
}
