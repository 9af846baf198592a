import type { Metadata } from "next";
import { hostRows } from "@/components/hosts/host-rows";
import { HostsTable } from "@/components/hosts/hosts-table";
import { parseListQuery } from "@/components/tables/parse-list-query";
import { flattenSearchParams, pick } from "@/components/tables/search-params";
import { Card } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { hostListQuery } from "@/lib/schemas/list";
import { listHosts } from "@/lib/services/hosts/list-hosts";
import { getNetworkLabels } from "@/lib/services/views/get-network-labels";
import { listNetworkOptions } from "@/lib/services/views/list-network-options";

export const metadata: Metadata = { title: "Hosts" };

const filterKeys = ["q", "status", "network_id", "hostname", "mac_address"];

/** Filtered by a network, "New host" offers that network's next free address first. */
const newHostHref = (networkId: string | undefined) => (networkId && /^\d+$/.test(networkId) ? `/hosts/new?network_id=${networkId}` : "/hosts/new");

export default async function HostsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const params = flattenSearchParams(await searchParams);
  const { query, problems } = parseListQuery(hostListQuery, params);
  const [page, networks] = await Promise.all([listHosts(actor, query), listNetworkOptions(actor)]);
  const labels = await getNetworkLabels(actor, page.items.map((h) => h.network_id));
  return (
    <>
      <PageHeader
        title="Hosts"
        subtitle={`${page.total.toLocaleString("en-US")} host${page.total === 1 ? "" : "s"}${Object.keys(pick(params, filterKeys)).length ? " match" : ""}`}
        actions={hasRole(actor.role, "editor") && <LinkButton href={newHostHref(params.network_id)} variant="primary">New host</LinkButton>}
      />
      {problems.length > 0 && <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">Ignored: {problems.join("; ")}</p>}
      <Card bodyClassName="">
        <HostsTable
          page={hostRows(page)}
          sort={query.sort}
          filters={pick(params, filterKeys)}
          labels={labels}
          networks={networks}
          canWrite={hasRole(actor.role, "editor")}
        />
      </Card>
    </>
  );
}
