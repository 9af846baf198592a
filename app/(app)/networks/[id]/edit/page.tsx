import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NetworkForm } from "@/components/networks/network-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { loadOr404 } from "@/lib/load-or-404";
import { getNetwork } from "@/lib/services/networks/get-network";

export const metadata: Metadata = { title: "Edit network" };

export default async function EditNetworkPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const id = Number((await params).id);
  const network = await loadOr404(() => getNetwork(actor, id), id);
  if (!hasRole(actor.role, "editor")) notFound();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={`Edit ${network.prefix}`}
        crumbs={[{ href: "/networks", label: "Networks" }, { href: `/networks/${network.id}`, label: network.prefix }]}
      />
      <Card>
        <NetworkForm network={network} cancelHref={`/networks/${network.id}`} />
      </Card>
    </div>
  );
}
