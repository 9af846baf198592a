import type { Metadata } from "next";
import { NetworkForm } from "@/components/networks/network-form";
import { flattenSearchParams } from "@/components/tables/search-params";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { defaultUtilizationThreshold } from "@/lib/services/networks/default-utilization-threshold";

export const metadata: Metadata = { title: "New network" };

/** ?network= prefills the prefix ("Create network here" on a container's free block); the form validates it like typed text. */
export default async function NewNetworkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const prefix = flattenSearchParams(await searchParams).network?.slice(0, 64);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="New network" crumbs={[{ href: "/networks", label: "Networks" }]} />
      <Card>
        {hasRole(actor.role, "editor") ? (
          <NetworkForm cancelHref="/networks" initialPrefix={prefix} defaultThreshold={defaultUtilizationThreshold()} />
        ) : (
          <p className="text-sm text-slate-600">Creating networks needs the editor role.</p>
        )}
      </Card>
    </div>
  );
}
