"use client";
import { ShownOnceSecret } from "@/components/ui/shown-once-secret";

/** The freshly made token, shown once in a read-only field with a Copy button. */
export function NewTokenSecret({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  return (
    <ShownOnceSecret
      label="New API token" what="token" value={token} testId="new-token" onDone={onDone}
      notice={<>Copy the token &ldquo;{name}&rdquo; now: it will not be shown again. Only its first characters are kept to recognise it.</>}
    />
  );
}
