"use client";
import { useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

/** A generated password, shown this once in a read-only field with a Copy button; the server keeps only its hash. */
export function ShownOncePassword({ email, password, onDone }: { email: string; password: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const inputId = useId();

  async function copy() {
    try {
      await navigator.clipboard.writeText(password);
      setCopied(true);
      toast.success("Password copied");
    } catch {
      toast.error("Copying failed; select the password and copy it by hand");
    }
  }

  return (
    <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4" data-testid="shown-once-password">
      <p className="text-sm font-medium text-amber-900" role="status">
        The password of {email} is shown only now. Hand it over safely; they can change it on their Account page.
      </p>
      <div className="flex flex-wrap gap-2">
        <label htmlFor={inputId} className="sr-only">Generated password</label>
        <input
          id={inputId}
          readOnly
          value={password}
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
