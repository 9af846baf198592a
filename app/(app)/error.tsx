"use client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** Unexpected failures: the message stays generic (the server logged the details). */
export default function AppError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-lg py-10">
      <Card>
        <h1 className="text-lg font-semibold">Something went wrong</h1>
        <p className="mt-1 text-sm text-slate-600">The page could not be loaded. Try again; if it keeps failing, check the server log.</p>
        <Button type="button" className="mt-4" onClick={reset}>Try again</Button>
      </Card>
    </div>
  );
}
