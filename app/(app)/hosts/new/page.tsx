import type { Metadata } from "next";
import { HostForm } from "@/components/hosts/host-form";
import { flattenSearchParams } from "@/components/tables/search-params";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { tryParseAddress } from "@/lib/ipam";
import { listNetworkOptions } from "@/lib/services/views/list-network-options";

export const metadata: Metadata = { title: "New host" };

/** ?ip= fills the address (address map click); ?network_id= preselects "next free in" and returns there. */
export default async function NewHostPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const params = flattenSearchParams(await searchParams);
  const networks = await listNetworkOptions(actor);
  const networkId = networks.find((n) => String(n.id) === params.network_id)?.id;
  const ip = params.ip && tryParseAddress(params.ip) ? params.ip : undefined;
  const back = networkId ? { href: `/networks/${networkId}`, label: networks.find((n) => n.id === networkId)!.prefix } : null;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="New host" crumbs={[back ?? { href: "/hosts", label: "Hosts" }]} />
      <Card>
        {hasRole(actor.role, "editor") ? (
          <HostForm networks={networks} initialIp={ip} initialNetworkId={networkId} returnTo={back?.href} />
        ) : (
          <p className="text-sm text-slate-600">Creating hosts needs the editor role.</p>
        )}
      </Card>
    </div>
  );
}
