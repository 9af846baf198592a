"use client";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

/** The freshly made token, shown once in a read-only field with a Copy button. */
export function NewTokenSecret({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
      toast.success("Token copied");
    } catch {
      toast.error("Copying failed; select the token and copy it by hand");
    }
  }

  return (
    <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4" data-testid="new-token">
      <p className="text-sm font-medium text-amber-900" role="status">
        Copy the token &ldquo;{name}&rdquo; now: it will not be shown again. Only its first characters are kept to recognise it.
      </p>
      <div className="flex flex-wrap gap-2">
        <label htmlFor="new-token-value" className="sr-only">New API token</label>
        <input
          id="new-token-value"
          readOnly
          value={token}
          spellCheck={false}
          onFocus={(event) => event.target.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm"
        />
        <Button type="button" variant="secondary" onClick={copy}>{copied ? "Copied" : "Copy"}</Button>
        <Button type="button" onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}
