import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { flattenSearchParams } from "@/components/tables/search-params";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Count } from "@/components/ui/count";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { UtilizationBar } from "@/components/ui/utilization-bar";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import type { IpState } from "@/lib/schemas/ip";
import { searchEverything } from "@/lib/services/search/search-everything";

export const metadata: Metadata = { title: "Search" };

const stateLabel: Record<IpState, string> = {
  allocated: "Allocated",
  available: "Free",
  gateway: "Gateway",
  dhcp_pool: "DHCP pool",
  network_address: "Network address",
  broadcast_address: "Broadcast address",
  child_network: "In a child network",
  blocked: "Not allocatable",
  unmanaged: "Not in any network",
};

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const q = flattenSearchParams(await searchParams).q ?? "";
  const results = await searchEverything(actor, q);
  if (results.exact) redirect(results.exact.type === "host" ? `/hosts/${results.exact.id}` : `/networks/${results.exact.id}`);
  const canWrite = hasRole(actor.role, "editor");
  const { address, containing, newNetwork } = results;
  const nothing = !address && !newNetwork && results.hosts.length === 0 && results.networks.length === 0;
  // For a prefix the lists are what lies inside it; otherwise text matches, with the whole list one click away.
  const where = newNetwork ? ` in ${newNetwork}` : "";
  const more = (shown: number, total: number, list: "hosts" | "networks") => {
    if (total <= shown) return null;
    if (newNetwork) return <span className="text-xs text-slate-500">First {shown} shown</span>;
    return <Link href={`/${list}?q=${encodeURIComponent(results.query)}`} className="text-xs font-medium text-indigo-700 hover:underline">All matching {list} →</Link>;
  };

  return (
    <div className="space-y-6">
      <PageHeader title="Search" subtitle={q ? <>Results for <q className="font-medium text-slate-900">{results.query}</q></> : "Type an IP, CIDR, hostname or FQDN, MAC or alias in the search box above."} />
      {results.note && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{results.note}</p>}

      {address && (
        <Card title={`Address ${address.ip_address}`}>
          {/* The action sits beside the terms, outside the <dl>: a list of terms holds only <dt>/<dd> groups. */}
          <div className="grid gap-4 sm:grid-cols-3" data-testid="address-lookup">
          <dl className="contents">
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Network</dt>
              <dd className="mt-0.5 text-sm">
                {address.network ? (
                  <Link href={`/networks/${address.network.id}`} className="font-mono font-medium text-indigo-700 hover:underline">
                    {address.network.prefix}{address.network.name ? ` (${address.network.name})` : ""}
                  </Link>
                ) : (
                  "None"
                )}
              </dd>
            </div>
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">State</dt>
              <dd className="mt-0.5 text-sm" data-testid="address-state">{stateLabel[address.state]}</dd>
            </div>
          </dl>
            {canWrite && address.state === "available" && (
              <div className="flex items-end">
                <LinkButton href={`/hosts/new?ip=${encodeURIComponent(address.ip_address)}${address.network ? `&network_id=${address.network.id}` : ""}`} variant="primary">
                  Add host at {address.ip_address}
                </LinkButton>
              </div>
            )}
          </div>
        </Card>
      )}

      {newNetwork && (
        <Card title={`No network is ${newNetwork}`}>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="prefix-lookup">
          <dl className="contents">
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Inside network</dt>
              <dd className="mt-0.5 text-sm" data-testid="prefix-containing">
                {containing ? (
                  <Link href={`/networks/${containing.id}`} className="font-mono font-medium text-indigo-700 hover:underline">
                    {containing.prefix}{containing.name ? ` (${containing.name})` : ""}
                  </Link>
                ) : (
                  "None"
                )}
              </dd>
            </div>
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Networks inside</dt>
              <dd className="mt-0.5 text-sm tabular-nums">{results.networksTotal.toLocaleString("en-US")}</dd>
            </div>
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Hosts inside</dt>
              <dd className="mt-0.5 text-sm tabular-nums">{results.hostsTotal.toLocaleString("en-US")}</dd>
            </div>
          </dl>
            {canWrite && (
              <div className="flex items-end">
                <LinkButton href={`/networks/new?network=${encodeURIComponent(newNetwork)}`} variant="primary">
                  Create network {newNetwork}
                </LinkButton>
              </div>
            )}
          </div>
        </Card>
      )}

      {results.hosts.length > 0 && (
        <Card title={`Hosts${where} (${results.hostsTotal.toLocaleString("en-US")})`} bodyClassName="" actions={more(results.hosts.length, results.hostsTotal, "hosts")}>
          <ul className="divide-y divide-slate-100" data-testid="search-hosts">
            {results.hosts.map((host) => (
              <li key={host.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
                <Link href={`/hosts/${host.id}`} prefetch={false} className="font-mono text-sm font-medium text-indigo-700 hover:underline">{host.ip_address}</Link>
                <span className="text-sm text-slate-700">{host.hostname ?? ""}</span>
                {host.mac_address && <span className="font-mono text-xs text-slate-500">{host.mac_address}</span>}
                {host.cname && <span className="text-xs text-slate-500">aliases: {host.cname}</span>}
                <span className="ml-auto"><StatusBadge status={host.status} /></span>
              </li>
            ))}
          </ul>
        </Card>
      )}

      {results.networks.length > 0 && (
        <Card title={`Networks${where} (${results.networksTotal.toLocaleString("en-US")})`} bodyClassName="" actions={more(results.networks.length, results.networksTotal, "networks")}>
          <ul className="divide-y divide-slate-100" data-testid="search-networks">
            {results.networks.map((network) => (
              <li key={network.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
                <Link href={`/networks/${network.id}`} prefetch={false} className="font-mono text-sm font-medium text-indigo-700 hover:underline">{network.prefix}</Link>
                <span className="min-w-0 flex-1 truncate text-sm text-slate-700">{network.name ?? ""}</span>
                <span className="min-w-0 max-w-72 text-xs tabular-nums text-slate-500"><Count value={network.used_hosts} /> / <Count value={network.total_hosts} /></span>
                <UtilizationBar percent={network.utilization} className="w-36" />
              </li>
            ))}
          </ul>
        </Card>
      )}

      {q && nothing && (
        <Card>
          <EmptyState title="Nothing found">Try part of a hostname, a full name such as db02.example.net, an address, a MAC address or a prefix such as 10.0.0.0/24.</EmptyState>
        </Card>
      )}
    </div>
  );
}
