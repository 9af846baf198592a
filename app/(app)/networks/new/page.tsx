import type { Metadata } from "next";
import { NetworkForm } from "@/components/networks/network-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "New network" };

export default async function NewNetworkPage() {
  const actor = await requirePageActor();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="New network" crumbs={[{ href: "/networks", label: "Networks" }]} />
      <Card>
        {hasRole(actor.role, "editor") ? (
          <NetworkForm cancelHref="/networks" />
        ) : (
          <p className="text-sm text-slate-600">Creating networks needs the editor role.</p>
        )}
      </Card>
    </div>
  );
}
