import type { Metadata } from "next";
import { NetworksTable } from "@/components/networks/networks-table";
import { parseListQuery } from "@/components/tables/parse-list-query";
import { flattenSearchParams, pick } from "@/components/tables/search-params";
import { Card } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { networkListQuery } from "@/lib/schemas/list";
import { defaultUtilizationThreshold } from "@/lib/services/networks/default-utilization-threshold";
import { listNetworks } from "@/lib/services/networks/list-networks";
import { getNetworkDepths } from "@/lib/services/views/get-network-depths";

export const metadata: Metadata = { title: "Networks" };

const filterKeys = ["q", "name", "domain", "vlan_id", "location", "family", "over_threshold", "utilization_gte"];

export default async function NetworksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const params = flattenSearchParams(await searchParams);
  const { query, problems } = parseListQuery(networkListQuery, params);
  const page = await listNetworks(actor, query);
  // Only ascending prefix order puts every parent right before its children; in any other order an indent would point at the wrong row.
  const tree = (query.sort.field === "network" || query.sort.field === "prefix") && !query.sort.desc;
  const depths = tree ? await getNetworkDepths(actor, page.items.map((n) => n.id)) : null;
  return (
    <>
      <PageHeader
        title="Networks"
        subtitle={`${page.total.toLocaleString("en-US")} network${page.total === 1 ? "" : "s"}`}
        actions={hasRole(actor.role, "editor") && <LinkButton href="/networks/new" variant="primary">New network</LinkButton>}
      />
      {problems.length > 0 && <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">Ignored: {problems.join("; ")}</p>}
      <Card bodyClassName="">
        <NetworksTable page={page} sort={query.sort} filters={pick(params, filterKeys)} depths={depths} defaultThreshold={defaultUtilizationThreshold()} />
      </Card>
    </>
  );
}
