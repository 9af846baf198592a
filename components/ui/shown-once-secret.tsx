"use client";
import { useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

/**
 * A secret the server keeps only as a hash (a new API token, a generated
 * password): shown this once in a read-only field with a Copy button.
 */
export function ShownOnceSecret({ label, what, value, notice, testId, onDone }: {
  /** The field's accessible name, e.g. "New API token". */
  label: string;
  /** Lower-case noun for the toasts, e.g. "token". */
  what: string;
  value: string;
  notice: React.ReactNode;
  testId: string;
  onDone: () => void;
}) {
  const [copied, setCopied] = useState(false);
  const inputId = useId();

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success(`${what[0].toUpperCase()}${what.slice(1)} copied`);
    } catch {
      toast.error(`Copying failed; select the ${what} and copy it by hand`);
    }
  }

  return (
    <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4" data-testid={testId}>
      <p className="text-sm font-medium text-amber-900" role="status">{notice}</p>
      <div className="flex flex-wrap gap-2">
        <label htmlFor={inputId} className="sr-only">{label}</label>
        <input
          id={inputId}
          readOnly
          value={value}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.target.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm"
        />
        <Button type="button" variant="secondary" onClick={copy}>{copied ? "Copied" : "Copy"}</Button>
        <Button type="button" onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}
