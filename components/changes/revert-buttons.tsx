"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { CHANGE_MESSAGE_MAX } from "@/lib/schemas/change";
import { revertChangeAction, revertRequestAction, type RevertResult } from "@/app/(app)/changes/actions";

type Target = "change" | "request";

/**
 * Revert this change, or its whole request: each asks first, takes an
 * optional message for the revert's own records, and shows why when the
 * server refuses (the object changed since, the address was taken again…).
 * On success the revert's records are shown.
 */
export function RevertButtons({ changeId, requestId, requestCount }: { changeId?: number; requestId: string; requestCount: number }) {
  const router = useRouter();
  const [open, setOpen] = useState<Target | null>(null);
  const [message, setMessage] = useState("");
  const [refusal, setRefusal] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function show(target: Target) {
    setMessage("");
    setRefusal(null);
    setOpen(target);
  }

  async function confirm() {
    setPending(true);
    let result: RevertResult;
    try {
      result = open === "change" && changeId
        ? await revertChangeAction(changeId, { change_message: message })
        : await revertRequestAction({ request_id: requestId, change_message: message });
    } finally {
      setPending(false);
    }
    if (!result.ok) {
      setRefusal(result.message);
      return;
    }
    setOpen(null);
    toast.success(`Reverted ${result.data.reverted.toLocaleString("en-US")} change${result.data.reverted === 1 ? "" : "s"}`);
    router.push(`/changes?request_id=${encodeURIComponent(result.data.request_id)}`);
    router.refresh();
  }

  const many = requestCount > 1;
  const title = open === "change" ? `Revert change ${changeId}?` : `Revert all ${requestCount.toLocaleString("en-US")} changes of this request?`;
  return (
    <>
      {changeId !== undefined && (
        <Button type="button" variant="secondary" onClick={() => show("change")}>Revert this change</Button>
      )}
      {(many || changeId === undefined) && (
        <Button type="button" variant="secondary" onClick={() => show("request")}>Revert whole request</Button>
      )}
      <ConfirmDialog
        open={open !== null}
        title={title}
        confirmLabel={open === "change" ? "Revert change" : "Revert request"}
        variant="primary"
        pending={pending}
        blocked={refusal !== null}
        onConfirm={confirm}
        onClose={() => setOpen(null)}
      >
        {refusal ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-800" data-testid="revert-refused">{refusal}</p>
        ) : (
          <div className="space-y-3">
            <p>
              {open === "change"
                ? "The object is set back to how it was before this change, through the same checks as any edit."
                : "Every object this request changed is set back, newest change first; if one cannot be, nothing is."}{" "}
              The revert is recorded as a change of its own.
            </p>
            <Field
              label="Message"
              name="revert_message"
              hint="Optional: why, for the change log"
              maxLength={CHANGE_MESSAGE_MAX}
              autoComplete="off"
              value={message}
              onChange={(event) => setMessage(event.target.value)}
            />
          </div>
        )}
      </ConfirmDialog>
    </>
  );
}
