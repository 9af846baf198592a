"use client";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { NetworkContainment } from "@/lib/services/networks/preview-network-containment";
import { networkContainmentAction } from "@/app/(app)/networks/actions";

type Asked = NetworkContainment & { prefix: string };

/**
 * The new-network form asks before a network silently becomes the parent of
 * existing ones (0.0.0.0/0, fe80::/10, a /15 over /16s). `mayCreate` says
 * whether the create goes ahead: nothing would be contained, or the user
 * confirmed this prefix; otherwise it shows `notice`, whose button submits again.
 */
export function useContainmentConfirm() {
  const [asked, setAsked] = useState<Asked | null>(null);
  // A ref, not state: the confirming click and the submit it triggers happen in one event.
  const confirmed = useRef<string | null>(null);

  async function mayCreate(input: { network: string; cidr?: number | string | null }): Promise<boolean> {
    const prefix = input.cidr != null && input.cidr !== "" && !input.network.includes("/") ? `${input.network}/${input.cidr}` : input.network;
    if (confirmed.current === prefix) return true;
    const result = await networkContainmentAction(input);
    // A failed preview decides nothing: the create reports the real problem.
    if (!result.ok || result.data.count === 0) {
      setAsked(null);
      return true;
    }
    setAsked({ ...result.data, prefix });
    return false;
  }

  const notice = asked && (
    <div role="alert" data-testid="containment-notice" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <p>
        {asked.prefix} will contain {asked.count.toLocaleString("en-US")} existing network{asked.count === 1 ? "" : "s"}
        {asked.examples.length > 0 && ` (${asked.examples.join(", ")}${asked.count > asked.examples.length ? ", …" : ""})`} and become
        {asked.count === 1 ? " its" : " their"} parent.
      </p>
      <Button type="submit" variant="secondary" className="mt-2" onClick={() => (confirmed.current = asked.prefix)}>
        Create it anyway
      </Button>
    </div>
  );

  return { mayCreate, notice };
}
