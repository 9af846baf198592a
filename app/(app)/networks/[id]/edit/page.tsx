import type { Metadata } from "next";
import { NetworkForm } from "@/components/networks/network-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { loadOr404 } from "@/lib/load-or-404";
import { defaultUtilizationThreshold } from "@/lib/services/networks/default-utilization-threshold";
import { getNetwork } from "@/lib/services/networks/get-network";

export const metadata: Metadata = { title: "Edit network" };

export default async function EditNetworkPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const id = Number((await params).id);
  const network = await loadOr404(() => getNetwork(actor, id), id);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={`Edit ${network.prefix}`}
        crumbs={[{ href: "/networks", label: "Networks" }, { href: `/networks/${network.id}`, label: network.prefix }]}
      />
      <Card>
        {/* The network exists and a viewer may read it: say what is missing, as /networks/new does, rather than a 404. */}
        {hasRole(actor.role, "editor") ? (
          <NetworkForm network={network} cancelHref={`/networks/${network.id}`} defaultThreshold={defaultUtilizationThreshold()} />
        ) : (
          <p className="text-sm text-slate-600">Editing networks needs the editor role.</p>
        )}
      </Card>
    </div>
  );
}
