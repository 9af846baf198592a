"use client";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { ChooseFileStep, type ImportSettings } from "@/components/import/choose-file-step";
import { OutcomeCounts } from "@/components/import/outcome-counts";
import { ProgressBar } from "@/components/import/progress-bar";
import { RowErrorsTable } from "@/components/import/row-errors-table";
import { StepIndicator } from "@/components/import/step-indicator";
import { uploadImport, type ImportOutcome } from "@/components/import/upload-import";
import { Button } from "@/components/ui/button";

type Step = { name: "choose" } | { name: "preview"; outcome: ImportOutcome } | { name: "done"; outcome: ImportOutcome };

/** A file of the original app's may repair every row: the table shows the first ones. */
const SHOWN_REPAIRS = 1000;

function Repairs({ outcome, tense }: { outcome: ImportOutcome; tense: "would" | "did" }) {
  if (outcome.repairCount === 0) return null;
  return (
    <section aria-label="Repairs" className="space-y-2">
      <p className="text-sm text-slate-600" data-testid="repair-count">
        {outcome.repairCount.toLocaleString("en")} {outcome.repairCount === 1 ? "value" : "values"} {tense === "would" ? "will be" : "were"} repaired:
        each name was cleared and its text kept in the row&apos;s description.
      </p>
      <RowErrorsTable kind="repairs" errors={outcome.repairs.slice(0, SHOWN_REPAIRS)} total={outcome.repairCount} />
    </section>
  );
}

/**
 * Three steps: choose a file, see the dry run's report (the server does the
 * whole import and rolls it back), then import for real. The same file is
 * sent twice, so the preview is exactly what the import will do.
 */
export function ImportWizard() {
  const [step, setStep] = useState<Step>({ name: "choose" });
  const [settings, setSettings] = useState<ImportSettings>({ type: "auto", onConflict: "error", repair: false });
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function send(dryRun: boolean): Promise<ImportOutcome | null> {
    if (!file) return null;
    setFailure(null);
    setProgress(0);
    try {
      return await uploadImport({ file, ...settings, dryRun }, setProgress);
    } catch (error) {
      setFailure((error as Error).message);
      return null;
    } finally {
      setProgress(null);
    }
  }

  // Back to step 1 with a new, empty file input: forget the old file too, or
  // "Preview import" stays enabled beside "No file chosen" and re-sends it.
  const chooseAgain = () => {
    setFile(null);
    setFailure(null);
    setStep({ name: "choose" });
  };

  const busy = progress !== null;
  const uploading = busy && <ProgressBar fraction={progress} label={progress < 1 ? `Uploading ${file?.name ?? ""}` : "Checking every row…"} />;
  const alert = failure && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{failure}</p>;

  if (step.name === "choose") {
    return (
      <>
        <StepIndicator current={0} />
        <ChooseFileStep settings={settings} onSettings={setSettings} file={file} onFile={setFile} busy={busy}
          onSubmit={async () => {
            const outcome = await send(true);
            if (outcome) setStep({ name: "preview", outcome });
          }}>
          {uploading}
          {alert}
        </ChooseFileStep>
      </>
    );
  }

  const { outcome } = step;
  if (step.name === "done") {
    return (
      <>
        <StepIndicator current={2} />
        <div className="space-y-4" data-testid="import-done">
          <h2 className="text-base font-semibold text-slate-900">Imported {file?.name}</h2>
          <OutcomeCounts outcome={outcome} tense="did" />
          {outcome.errors.length > 0 && <RowErrorsTable errors={outcome.errors} total={outcome.errorCount} />}
          <Repairs outcome={outcome} tense="did" />
          <div className="flex flex-wrap gap-2">
            <Link href="/hosts" className="text-sm font-medium text-indigo-600 hover:underline">View hosts</Link>
            <Link href="/networks" className="text-sm font-medium text-indigo-600 hover:underline">View networks</Link>
            <button type="button" className="text-sm font-medium text-indigo-600 hover:underline" onClick={chooseAgain}>Import another file</button>
          </div>
        </div>
      </>
    );
  }

  const blocked = outcome.rejected;
  return (
    <>
      <StepIndicator current={1} />
      <div className="space-y-4" data-testid="import-preview">
        <h2 className="text-base font-semibold text-slate-900">Preview of {file?.name}</h2>
        <p className="text-sm text-slate-600" aria-live="polite">
          {blocked
            ? `Nothing can be imported while these rows fail. Fix them in the file and choose it again, or choose to skip invalid rows${settings.repair ? "" : " (names the original app accepted can be repaired instead)"}.`
            : outcome.errorCount > 0
              ? "The rows listed below will be skipped; everything else is imported."
              : "Every row is valid. Nothing has been written yet."}
        </p>
        <OutcomeCounts outcome={outcome} tense="would" />
        {outcome.errors.length > 0 && <RowErrorsTable errors={outcome.errors} total={outcome.errorCount} />}
        <Repairs outcome={outcome} tense="would" />
        {uploading}
        {alert}
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" disabled={busy} onClick={chooseAgain}>Choose another file</Button>
          <Button type="button" pending={busy} disabled={blocked}
            onClick={async () => {
              const done = await send(false);
              if (!done) return;
              if (done.rejected) return setStep({ name: "preview", outcome: done });
              toast.success(`Imported: ${done.created} created, ${done.updated} updated, ${done.skipped} skipped`);
              setStep({ name: "done", outcome: done });
            }}>
            Import
          </Button>
        </div>
      </div>
    </>
  );
}
