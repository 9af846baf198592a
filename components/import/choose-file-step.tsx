"use client";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { SelectField } from "@/components/ui/select-field";
import type { ImportRequest } from "@/components/import/upload-import";

export type ImportSettings = Pick<ImportRequest, "type" | "onConflict" | "repair">;

const typeOptions = [
  { value: "auto", label: "Detect from the file" },
  { value: "hosts", label: "Hosts" },
  { value: "networks", label: "Networks" },
];
const conflictOptions = [
  { value: "error", label: "Stop and list them (nothing is imported)" },
  { value: "skip", label: "Skip them, and skip invalid rows" },
  { value: "update", label: "Update the stored records" },
];

/** Step 1: what the file holds, what to do with duplicates, and the file itself. */
export function ChooseFileStep({
  settings, onSettings, file, onFile, onSubmit, busy, children,
}: {
  settings: ImportSettings;
  onSettings: (s: ImportSettings) => void;
  file: File | null;
  onFile: (f: File | null) => void;
  onSubmit: () => void;
  busy: boolean;
  children?: React.ReactNode;
}) {
  return (
    <form
      aria-label="Choose a file to import"
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="The file holds" name="type" options={typeOptions} value={settings.type}
          onChange={(e) => onSettings({ ...settings, type: e.target.value as ImportSettings["type"] })} />
        <SelectField label="Rows that already exist" name="on_conflict" options={conflictOptions} value={settings.onConflict}
          hint="A host exists when its IP address does; a network when its prefix does."
          onChange={(e) => onSettings({ ...settings, onConflict: e.target.value as ImportSettings["onConflict"] })} />
      </div>
      <CheckboxField label="Repair names DNS cannot carry" name="repair" checked={settings.repair}
        hint="For the original app's data: a hostname such as db_01, café or web server, or one another host already has, is cleared and kept in the description (imported name: db_01); the row is imported with its address, MAC and status. The preview lists each repair."
        onChange={(e) => onSettings({ ...settings, repair: e.target.checked })} />
      <div>
        <label htmlFor="import-file" className="block text-sm font-medium text-slate-700">File</label>
        <input
          id="import-file" name="file" type="file" required accept=".csv,.json,.xlsx,.db,.sqlite,.sqlite3"
          aria-describedby="import-file-hint"
          className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-slate-200"
          onChange={(e) => onFile(e.target.files?.[0] ?? null)}
        />
        <p id="import-file-hint" className="mt-1 text-xs text-slate-500">
          CSV with a header line, JSON, or an .xlsx workbook (its first sheet, a header row) — this app&apos;s exports or the original Flask IPAM&apos;s — or the original app&apos;s <code>ipam.db</code>. Up to 50 MB.
        </p>
      </div>
      {children}
      <Button type="submit" pending={busy} disabled={!file}>Preview import</Button>
    </form>
  );
}
