import type { Metadata } from "next";
import { DiscoveryPanel } from "@/components/discovery/discovery-panel";
import { StaleHostsTable } from "@/components/discovery/stale-hosts-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { staleHostsQuery } from "@/lib/schemas/discovery";
import { listStaleHosts } from "@/lib/services/discovery/list-stale-hosts";
import { listNetworkOptions } from "@/lib/services/views/list-network-options";

export const metadata: Metadata = { title: "Discovery" };

/** What one scan or change set may cover: an IPv4 /16, an IPv6 /112 (MAX_DISCOVERY_ADDRESSES). */
function fitsOneScan(prefix: string): boolean {
  const cidr = Number(prefix.split("/")[1]);
  return prefix.includes(":") ? cidr >= 112 : cidr >= 16;
}

export default async function DiscoveryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const days = (await searchParams).days;
  const parsed = staleHostsQuery.safeParse({ days: typeof days === "string" ? days : undefined, per_page: 200 });
  const stale = await listStaleHosts(actor, parsed.success ? parsed.data : staleHostsQuery.parse({ per_page: 200 }));
  const editor = hasRole(actor.role, "editor");
  const networks = editor ? (await listNetworkOptions(actor)).filter((n) => fitsOneScan(n.prefix)) : [];
  return (
    <>
      <PageHeader title="Discovery" subtitle="Reconcile nmap scans and DHCP leases with the hosts: review the changes, apply the ones you choose." />
      <div className="space-y-6">
        {editor ? (
          <DiscoveryPanel networks={networks.map((n) => ({ id: n.id, label: n.name ? `${n.prefix} (${n.name})` : n.prefix }))} />
        ) : (
          <Card><p className="text-sm text-slate-600">Scanning and applying changes need the editor role.</p></Card>
        )}
        <Card title="Stale hosts">
          <StaleHostsTable stale={stale} />
        </Card>
      </div>
    </>
  );
}
