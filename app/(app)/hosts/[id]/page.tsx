import type { Metadata } from "next";
import Link from "next/link";
import { HISTORY_SIZE, HistorySection } from "@/components/changes/history-section";
import { DeleteHostButton } from "@/components/hosts/delete-host-button";
import { HostForm } from "@/components/hosts/host-form";
import { Card } from "@/components/ui/card";
import { DefinitionList } from "@/components/ui/definition-list";
import { formatDate } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { loadOr404 } from "@/lib/load-or-404";
import { changeListQuery } from "@/lib/schemas/change";
import { listChanges } from "@/lib/services/changes/list-changes";
import { getHost } from "@/lib/services/hosts/get-host";
import { getNetworkLabels } from "@/lib/services/views/get-network-labels";
import { listNetworkOptions } from "@/lib/services/views/list-network-options";

export const metadata: Metadata = { title: "Host" };

/** A host's facts; editors get the edit form and delete on the same page. */
export default async function HostPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const id = Number((await params).id);
  const host = await loadOr404(() => getHost(actor, id), id);
  const canWrite = hasRole(actor.role, "editor");
  const [labels, networks, history] = await Promise.all([
    getNetworkLabels(actor, [host.network_id]),
    canWrite ? listNetworkOptions(actor) : [],
    listChanges(actor, changeListQuery.parse({ object_type: "host", object_id: String(host.id), per_page: String(HISTORY_SIZE) })),
  ]);
  const network = host.network_id ? labels[host.network_id] : undefined;
  const back = network ? `/networks/${network.id}` : "/hosts";
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span className="font-mono">{host.ip_address}</span>
            <StatusBadge status={host.status} />
          </span>
        }
        subtitle={host.hostname ?? "No hostname"}
        crumbs={[{ href: "/hosts", label: "Hosts" }, ...(network ? [{ href: `/networks/${network.id}`, label: network.prefix }] : [])]}
        actions={canWrite && <DeleteHostButton hostId={host.id} label={host.ip_address} returnTo={back} />}
      />
      <Card title="Details">
        <DefinitionList
          items={[
            { label: "IP address", value: <span className="font-mono">{host.ip_address}</span>, testId: "host-ip-value" },
            { label: "Hostname", value: host.hostname, testId: "host-hostname-value" },
            { label: "MAC address", value: host.mac_address && <span className="font-mono">{host.mac_address}</span>, testId: "host-mac-value" },
            { label: "CNAME aliases", value: host.cname },
            { label: "Duplicate name", value: host.allow_duplicate_name ? "Allowed (round-robin DNS)" : "Not allowed", testId: "host-duplicate-name-value" },
            {
              label: "Network",
              value: network ? (
                <Link href={`/networks/${network.id}`} className="font-mono text-indigo-700 hover:underline">{network.prefix}{network.name ? ` (${network.name})` : ""}</Link>
              ) : (
                "Not inside any network"
              ),
            },
            { label: "Status", value: <StatusBadge status={host.status} /> },
            { label: "Last seen", value: host.last_seen && formatDate(host.last_seen) },
            { label: "Discovery source", value: host.discovery_source },
            { label: "Updated", value: formatDate(host.updated_at) },
          ]}
        />
        {host.description && <p className="mt-4 whitespace-pre-line border-t border-slate-100 pt-3 text-sm text-slate-700" data-testid="host-description">{host.description}</p>}
      </Card>
      {canWrite && (
        <Card title="Edit host">
          <HostForm host={host} networks={networks} returnTo={back} />
        </Card>
      )}
      <HistorySection history={history} objectType="host" objectId={host.id} />
    </div>
  );
}
