import type { Metadata } from "next";
import { ChangesTable } from "@/components/changes/changes-table";
import { describeGroup, shortRequestId } from "@/components/changes/change-text";
import { RevertButtons } from "@/components/changes/revert-buttons";
import { parseListQuery } from "@/components/tables/parse-list-query";
import { flattenSearchParams, pick } from "@/components/tables/search-params";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { changeObjectTypes } from "@/lib/db/change-tracked-tables";
import { changeListQuery } from "@/lib/schemas/change";
import { canReadChangesOf } from "@/lib/services/changes/change-log-filter";
import { listChangeGroups } from "@/lib/services/changes/list-change-groups";
import { listsRecords, loadChangeRows } from "./load-change-rows";

export const metadata: Metadata = { title: "Changes" };

const filterKeys = ["q", "actor", "object_type", "object_id", "action", "since", "until", "request_id"];

export default async function ChangesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const params = flattenSearchParams(await searchParams);
  const { query, problems } = parseListQuery(changeListQuery, params);
  const flat = listsRecords(query);
  const page = await loadChangeRows(actor, query);
  const request = query.request_id ? (await listChangeGroups(actor, { ...query, page: 1, per_page: 1 })).items[0] : undefined;
  const total = `${page.total.toLocaleString("en-US")}${page.total_exact ? "" : "+"}`;
  const noun = flat ? (page.total === 1 ? "change" : "changes") : page.total === 1 ? "request" : "requests";
  return (
    <>
      <PageHeader
        title={request ? `Request ${shortRequestId(request.request_id)}` : "Changes"}
        crumbs={request ? [{ href: "/changes", label: "Changes" }] : undefined}
        subtitle={
          request
            ? `${describeGroup(request)} · ${request.source}${request.message ? ` · “${request.message}”` : ""}`
            : `${total} ${noun}${Object.keys(pick(params, filterKeys)).length ? " matching the filters" : ""}, newest first`
        }
        actions={request && hasRole(actor.role, "editor") && <RevertButtons requestId={request.request_id} requestCount={request.count} />}
      />
      {problems.length > 0 && <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">Ignored: {problems.join("; ")}</p>}
      <Card bodyClassName="">
        <ChangesTable page={page} filters={pick(params, filterKeys)} objectTypes={changeObjectTypes.filter((t) => canReadChangesOf(actor, t))} />
      </Card>
    </>
  );
}
