import type { Metadata } from "next";
import { HISTORY_SIZE, HistorySection } from "@/components/changes/history-section";
import { AddressMapView } from "@/components/networks/address-map";
import { AllocateForm } from "@/components/networks/allocate-form";
import { ChildNetworks } from "@/components/networks/child-networks";
import { ConfigDownloads } from "@/components/networks/config-downloads";
import { DeleteNetworkButton } from "@/components/networks/delete-network-button";
import { DnsmasqDownloads } from "@/components/networks/dnsmasq-downloads";
import { FreeBlocks } from "@/components/networks/free-blocks";
import { FreeRanges } from "@/components/networks/free-ranges";
import { NetworkStatusBadge, networkStatusText } from "@/components/networks/network-status";
import { SubnetPlanner } from "@/components/networks/subnet-planner";
import { UtilizationCard } from "@/components/networks/utilization-card";
import { hostRows } from "@/components/hosts/host-rows";
import { HostsTable } from "@/components/hosts/hosts-table";
import { parseListQuery } from "@/components/tables/parse-list-query";
import { flattenSearchParams, pick } from "@/components/tables/search-params";
import { Card } from "@/components/ui/card";
import { DefinitionList } from "@/components/ui/definition-list";
import { Count } from "@/components/ui/count";
import { formatDate } from "@/components/ui/format-date";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { loadOr404 } from "@/lib/load-or-404";
import { changeListQuery } from "@/lib/schemas/change";
import { networkHostsQuery, networkListQuery } from "@/lib/schemas/list";
import { listChanges } from "@/lib/services/changes/list-changes";
import { listFreeRanges } from "@/lib/services/ip/list-free-ranges";
import { listFreeBlocks } from "@/lib/services/networks/list-free-blocks";
import { isAllocatable } from "@/lib/services/networks/network-status";
import { getNetwork } from "@/lib/services/networks/get-network";
import { listNetworkHosts } from "@/lib/services/networks/list-network-hosts";
import { listNetworks } from "@/lib/services/networks/list-networks";
import { getAddressMap } from "@/lib/services/views/get-address-map";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Network ${(await params).id}` };
}

const FREE_RANGES = 50;
const FREE_BLOCKS = 100;
const hostFilterKeys = ["q", "status", "hostname", "mac_address"];

export default async function NetworkPage({ params, searchParams }: Props) {
  const actor = await requirePageActor();
  const id = Number((await params).id);
  const network = await loadOr404(() => getNetwork(actor, id), id);
  const canWrite = hasRole(actor.role, "editor");
  const query = flattenSearchParams(await searchParams);
  const { query: hostQuery } = parseListQuery(networkHostsQuery, query);
  const filtered = hostFilterKeys.some((key) => query[key]);

  // Every read is bounded: one page of hosts, at most 1,024 map cells, the first free ranges.
  const [hosts, children, map, parent, directCount, history] = await Promise.all([
    listNetworkHosts(actor, id, hostQuery),
    listNetworks(actor, networkListQuery.parse({ parent_id: String(id), per_page: "200" })),
    getAddressMap(actor, id),
    network.parent_id ? getNetwork(actor, network.parent_id) : null,
    filtered ? listNetworkHosts(actor, id, networkHostsQuery.parse({ per_page: "1" })).then((p) => p.total) : null,
    listChanges(actor, changeListQuery.parse({ object_type: "network", object_id: String(id), per_page: String(HISTORY_SIZE) })),
  ]);
  const container = network.status === "container";
  // A container's free space is the gaps between its children (CIDR blocks to create), not addresses.
  const [free, blocks] = await Promise.all([
    map || container ? null : listFreeRanges(actor, id, { limit: FREE_RANGES }),
    container ? listFreeBlocks(actor, id, { limit: FREE_BLOCKS }) : null,
  ]);
  const hostCount = directCount ?? hosts.total;
  const allocatable = isAllocatable(network);
  const full = BigInt(network.allocatable_hosts) === 0n;

  const subtitle = [network.name, network.vlan_id ? `VLAN ${network.vlan_id}` : null, network.location].filter(Boolean).join(" · ");
  return (
    <>
      <PageHeader
        title={<span className="font-mono">{network.prefix}</span>}
        badge={<NetworkStatusBadge status={network.status} />}
        subtitle={subtitle || undefined}
        crumbs={[{ href: "/networks", label: "Networks" }, ...(parent ? [{ href: `/networks/${parent.id}`, label: parent.prefix }] : [])]}
        actions={
          <>
            <DnsmasqDownloads networkId={network.id} />
            <ConfigDownloads networkId={network.id} family={network.family} />
            {canWrite && (
              <>
                <LinkButton href={`/networks/${network.id}/edit`}>Edit</LinkButton>
                <DeleteNetworkButton networkId={network.id} prefix={network.prefix} hostCount={hostCount} childCount={children.total} />
              </>
            )}
          </>
        }
      />

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card title="Details" className="lg:col-span-2">
          <DefinitionList
            items={[
              { label: "Network", value: <span className="font-mono">{network.network}</span> },
              { label: "Status", value: `${networkStatusText[network.status].label}: ${networkStatusText[network.status].meaning}`, testId: "network-status-text" },
              { label: "Prefix length", value: `/${network.cidr}` },
              { label: "Family", value: `IPv${network.family}` },
              { label: "Netmask", value: network.netmask && <span className="font-mono">{network.netmask}</span> },
              { label: "Broadcast", value: network.broadcast_address && <span className="font-mono">{network.broadcast_address}</span> },
              { label: "Gateway", value: network.gateway && <span className="font-mono">{network.gateway}</span> },
              { label: "DHCP pool", value: network.dhcp_start && <span className="font-mono">{network.dhcp_start} – {network.dhcp_end}</span> },
              { label: "Name", value: network.name },
              { label: "Domain", value: network.domain },
              { label: "VLAN", value: network.vlan_id },
              { label: "Location", value: network.location },
              { label: "Capacity", value: <Count value={network.total_hosts} />, testId: "network-capacity" },
              { label: "Created", value: formatDate(network.created_at) },
              { label: "Updated", value: formatDate(network.updated_at) },
            ]}
          />
          {network.description && <p className="mt-4 whitespace-pre-line border-t border-slate-100 pt-3 text-sm text-slate-700" data-testid="network-description">{network.description}</p>}
        </Card>
        <UtilizationCard network={network} hostCount={hostCount} childCount={children.total} />

        {!allocatable && (
          <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 lg:col-span-3" data-testid="not-allocatable">
            {container
              ? "This network is a container: it holds child networks, not hosts. Create a network in one of its free blocks, or allocate in a child network."
              : `This network is ${network.status}: it keeps its hosts but takes no new ones.`}
          </p>
        )}

        {canWrite && allocatable && (
          <Card title="Allocate next IP" id="allocate">
            <AllocateForm networkId={network.id} disabledReason={full ? "This network has no free address." : undefined} />
          </Card>
        )}
        <Card title="Plan subnets" className={canWrite && allocatable ? "lg:col-span-2" : "lg:col-span-3"}>
          <SubnetPlanner networkId={network.id} family={network.family} cidr={network.cidr} canWrite={canWrite} />
        </Card>

        {container && (
          <Card title="Free blocks" className="lg:col-span-3" bodyClassName="" actions={<span className="text-xs text-slate-500">The gaps between child networks, as networks you can create</span>}>
            <FreeBlocks blocks={blocks?.items ?? []} limit={FREE_BLOCKS} canWrite={canWrite} />
          </Card>
        )}

        {map ? (
          <Card title="Address map" className="lg:col-span-3">
            <AddressMapView map={map} networkId={network.id} status={network.status} canWrite={canWrite} />
          </Card>
        ) : container ? null : (
          <Card
            title="Free ranges"
            className="lg:col-span-3"
            bodyClassName=""
            actions={<span className="text-xs text-slate-500">{network.family === 6 ? "IPv6 networks" : "Networks above 1,024 addresses"} list free ranges instead of an address map</span>}
          >
            <FreeRanges ranges={free?.items ?? []} limit={FREE_RANGES} canWrite={canWrite} />
          </Card>
        )}

        {children.total > 0 && (
          <Card title={`Child networks (${children.total})`} className="lg:col-span-3" bodyClassName="">
            <ChildNetworks networks={children.items} />
          </Card>
        )}

        {/* A container holds networks, not hosts: its hosts table only appears for data written before that rule. */}
        {!(container && hostCount === 0) && (
          <Card
            title={`Hosts (${hosts.total.toLocaleString("en-US")})`}
            className="lg:col-span-3"
            bodyClassName=""
            actions={canWrite && allocatable && <LinkButton href={`/hosts/new?network_id=${network.id}`} variant="primary">New host</LinkButton>}
          >
            <HostsTable page={hostRows(hosts)} sort={hostQuery.sort} filters={pick(query, hostFilterKeys)} labels={{}} canWrite={canWrite} networkId={network.id} />
          </Card>
        )}

        <HistorySection history={history} objectType="network" objectId={network.id} className="lg:col-span-3" />
      </div>
    </>
  );
}
