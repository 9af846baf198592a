import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Count } from "@/components/ui/count";
import { exactCount, formatCount } from "@/components/ui/format-count";
import { formatDate } from "@/components/ui/format-date";
import { LinkButton } from "@/components/ui/link-button";
import { StatusBadge } from "@/components/ui/status-badge";
import { UtilizationBar } from "@/components/ui/utilization-bar";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { hostListQuery, networkListQuery } from "@/lib/schemas/list";
import { countNetworksOverThreshold, type OverThreshold } from "@/lib/services/dashboard/count-networks-over-threshold";
import { getDashboardCounts } from "@/lib/services/dashboard/get-dashboard-counts";
import { getFreeAddressTotals } from "@/lib/services/dashboard/get-free-address-totals";
import { listMostUtilizedNetworks } from "@/lib/services/dashboard/list-most-utilized-networks";
import { listHosts } from "@/lib/services/hosts/list-hosts";
import { listNetworks } from "@/lib/services/networks/list-networks";

const RECENT = 6;

function StatCard({ label, value, title, href, testId, accent }: { label: string; value: string; title?: string; href: string; testId: string; accent: string }) {
  return (
    <Link href={href} className="group min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition hover:border-indigo-300 hover:shadow">
      <div className="flex items-center gap-2 text-sm text-slate-500">
        <span className={`h-2 w-2 rounded-full ${accent}`} aria-hidden />
        {label}
      </div>
      {/* A sixth of the page is about ten digits at text-2xl: 0.0.0.0/0's free count ("4,294,967,294") takes a smaller size, and never leaves the card. */}
      <div className={`mt-1 font-semibold tabular-nums text-slate-900 [overflow-wrap:anywhere] ${value.length > 9 ? "text-base leading-8 xl:text-lg" : "text-2xl"}`} data-testid={testId} title={title}>{value}</div>
    </Link>
  );
}

function MoreLink({ href, children }: { href: string; children: React.ReactNode }) {
  return <Link href={href} className="text-xs font-medium text-indigo-700 hover:underline">{children} →</Link>;
}

/** "3 networks over their threshold", linking to exactly those: the list's own filter counts them. */
function OverThresholdCard({ over }: { over: OverThreshold }) {
  const many = over.count !== 1;
  const text = over.count === 0
    ? "No network is over its utilization threshold"
    : `${over.count.toLocaleString("en-US")} network${many ? "s" : ""} over ${many ? "their" : "its"} utilization threshold`;
  return (
    <Link
      href="/networks?over_threshold=true"
      prefetch={false}
      data-testid="over-threshold-card"
      className={`flex flex-wrap items-center gap-x-3 gap-y-1 rounded-xl border px-4 py-3 text-sm shadow-sm transition hover:shadow ${
        over.count === 0 ? "border-slate-200 bg-white text-slate-600" : "border-amber-300 bg-amber-50 text-amber-950"
      }`}
    >
      <span aria-hidden>{over.count === 0 ? "✓" : "▲"}</span>
      <span className="font-medium" data-testid="over-threshold-count">{text}</span>
      <span className="text-xs">(default {over.defaultThreshold}%, each network may set its own)</span>
      {over.count > 0 && <span className="ml-auto text-xs font-medium text-indigo-800 underline">Show them →</span>}
    </Link>
  );
}

export default async function DashboardPage() {
  const actor = await requirePageActor();
  const [counts, free, top, recentNetworks, recentHosts, over] = await Promise.all([
    getDashboardCounts(actor),
    getFreeAddressTotals(actor),
    listMostUtilizedNetworks(actor, 8),
    listNetworks(actor, networkListQuery.parse({ sort: "-created_at", per_page: RECENT })),
    listHosts(actor, hostListQuery.parse({ sort: "-created_at", per_page: RECENT })),
    countNetworksOverThreshold(actor),
  ]);
  const n = (value: number) => value.toLocaleString("en-US");
  const canWrite = hasRole(actor.role, "editor");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
        {canWrite && (
          <div className="flex gap-2">
            <LinkButton href="/networks/new">New network</LinkButton>
            <LinkButton href="/hosts/new" variant="primary">New host</LinkButton>
          </div>
        )}
      </div>

      <OverThresholdCard over={over} />

      <div className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
        <StatCard label="Networks" value={n(counts.networks)} href="/networks" testId="count-networks" accent="bg-indigo-500" />
        <StatCard label="Hosts" value={n(counts.hosts)} href="/hosts" testId="count-hosts" accent="bg-slate-700" />
        <StatCard label="Active" value={n(counts.hostsByStatus.active)} href="/hosts?status=active" testId="count-active" accent="bg-emerald-500" />
        <StatCard label="Reserved" value={n(counts.hostsByStatus.reserved)} href="/hosts?status=reserved" testId="count-reserved" accent="bg-amber-500" />
        <StatCard label="Inactive" value={n(counts.hostsByStatus.inactive)} href="/hosts?status=inactive" testId="count-inactive" accent="bg-slate-400" />
        <StatCard
          label="Free IPv4"
          value={formatCount(free.ipv4)}
          title={`${exactCount(free.ipv4)} free IPv4 addresses${free.ipv6 !== "0" ? `; ${exactCount(free.ipv6)} free IPv6 addresses` : ""}`}
          href="/networks?family=4"
          testId="count-free"
          accent="bg-sky-500"
        />
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card title="Most utilized networks" className="lg:col-span-2" bodyClassName="" actions={<MoreLink href="/networks">All networks</MoreLink>}>
          {top.length === 0 ? (
            <EmptyState title="No addresses in use yet">Networks appear here once hosts are added.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="top-networks">
              {top.map((network) => (
                <li key={network.id} className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-4 gap-y-1 px-4 py-2.5 sm:grid-cols-[minmax(0,1fr)_10rem_12rem]">
                  <Link href={`/networks/${network.id}`} prefetch={false} className="min-w-0 truncate hover:underline">
                    <span className="font-mono text-sm font-medium text-indigo-700">{network.prefix}</span>
                    {network.name && <span className="ml-2 text-sm text-slate-600">{network.name}</span>}
                  </Link>
                  <span className="text-right text-xs tabular-nums text-slate-500" data-testid="top-network-usage"><Count value={network.used_hosts} /> / <Count value={network.total_hosts} /></span>
                  <UtilizationBar percent={network.utilization} className="col-span-2 sm:col-span-1" label={`${network.prefix} utilization`} />
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title="Free addresses">
          <dl className="space-y-3">
            <div>
              {/* Not uppercase: "IPV4" is not how anyone writes it. */}
              <dt className="text-xs font-medium tracking-wide text-slate-500">IPv4</dt>
              <dd className="text-xl font-semibold tabular-nums" data-testid="free-ipv4"><Count value={free.ipv4} /></dd>
            </div>
            <div>
              <dt className="text-xs font-medium tracking-wide text-slate-500">IPv6</dt>
              <dd className="text-xl font-semibold tabular-nums" data-testid="free-ipv6"><Count value={free.ipv6} exactClassName="block text-sm font-normal text-slate-600" /></dd>
            </div>
          </dl>
          <p className="mt-3 text-xs text-slate-500">Addresses allocation can hand out: not a host, a gateway, a DHCP pool or a network that takes no new hosts (the Free of each network page).</p>
          <div className="mt-3 flex gap-3">
            <MoreLink href="/networks?family=4">IPv4 networks</MoreLink>
            <MoreLink href="/networks?family=6">IPv6 networks</MoreLink>
          </div>
        </Card>

        <Card title="Recent networks" bodyClassName="" actions={<MoreLink href="/networks?sort=-created_at">All</MoreLink>}>
          {recentNetworks.items.length === 0 ? (
            <EmptyState title="No networks yet">{canWrite && <Link href="/networks/new" className="text-indigo-700 hover:underline">Create the first one</Link>}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="recent-networks">
              {recentNetworks.items.map((network) => (
                <li key={network.id} className="flex items-center justify-between gap-3 px-4 py-2">
                  <Link href={`/networks/${network.id}`} prefetch={false} className="min-w-0 truncate text-sm hover:underline">
                    <span className="font-mono font-medium text-indigo-700">{network.prefix}</span>
                    {network.name && <span className="ml-2 text-slate-600">{network.name}</span>}
                  </Link>
                  <span className="shrink-0 text-xs text-slate-500">{formatDate(network.created_at).slice(0, 10)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title="Recent hosts" className="lg:col-span-2" bodyClassName="" actions={<MoreLink href="/hosts?sort=-created_at">All</MoreLink>}>
          {recentHosts.items.length === 0 ? (
            <EmptyState title="No hosts yet">{canWrite && <Link href="/hosts/new" className="text-indigo-700 hover:underline">Add a host</Link>}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="recent-hosts">
              {recentHosts.items.map((host) => (
                <li key={host.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2">
                  <Link href={`/hosts/${host.id}`} prefetch={false} className="font-mono text-sm font-medium text-indigo-700 hover:underline">{host.ip_address}</Link>
                  <span className="min-w-0 flex-1 truncate text-sm text-slate-600">{host.hostname ?? ""}</span>
                  <StatusBadge status={host.status} />
                  <span className="text-xs text-slate-500">{formatDate(host.created_at).slice(0, 10)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
