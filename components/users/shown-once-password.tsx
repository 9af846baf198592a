"use client";
import { ShownOnceSecret } from "@/components/ui/shown-once-secret";

/** A generated password, shown this once in a read-only field with a Copy button; the server keeps only its hash. */
export function ShownOncePassword({ email, password, onDone }: { email: string; password: string; onDone: () => void }) {
  return (
    <ShownOnceSecret
      label="Generated password" what="password" value={password} testId="shown-once-password" onDone={onDone}
      notice={<>The password of {email} is shown only now. Hand it over safely; they can change it on their Account page.</>}
    />
  );
}
