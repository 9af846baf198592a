import type { Metadata } from "next";
import Link from "next/link";
import { ChangeActionBadge } from "@/components/changes/change-action-badge";
import { ChangeActor } from "@/components/changes/change-actor";
import { ChangeDiff } from "@/components/changes/change-diff";
import { ChangeObjectLink } from "@/components/changes/change-object-link";
import { objectTypeLabel, shortRequestId } from "@/components/changes/change-text";
import { RevertButtons } from "@/components/changes/revert-buttons";
import { Card } from "@/components/ui/card";
import { DefinitionList } from "@/components/ui/definition-list";
import { formatDate } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { requirePageActor } from "@/lib/auth/session";
import { loadOr404 } from "@/lib/load-or-404";
import { changeListQuery } from "@/lib/schemas/change";
import { getChange } from "@/lib/services/changes/get-change";
import { listChanges } from "@/lib/services/changes/list-changes";
import { goneObjects, objectKey } from "../object-presence";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Change ${(await params).id}` };
}

/** One change record: who, when, from where and why, and only the fields it changed, before and after. */
export default async function ChangePage({ params }: Props) {
  const actor = await requirePageActor();
  const id = Number((await params).id);
  const change = await loadOr404(() => getChange(actor, id), id);
  const [request, gone] = await Promise.all([
    listChanges(actor, changeListQuery.parse({ request_id: change.request_id, per_page: "1" })),
    goneObjects(actor, [change]),
  ]);
  const requestHref = `/changes?request_id=${encodeURIComponent(change.request_id)}`;
  const history = `/changes?object_type=${change.object_type}&object_id=${change.object_id}`;
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <PageHeader
        title={`Change ${change.id}`}
        badge={<ChangeActionBadge action={change.action} />}
        subtitle={`${change.actor.name} ${change.action}d ${objectTypeLabel(change.object_type)} ${change.object_repr}`}
        crumbs={[{ href: "/changes", label: "Changes" }]}
        actions={hasRole(actor.role, "editor") && <RevertButtons changeId={change.id} requestId={change.request_id} requestCount={request.total} />}
      />
      <Card title="Details">
        <DefinitionList
          items={[
            { label: "Object", value: <span><span className="text-slate-500">{objectTypeLabel(change.object_type)}</span> <ChangeObjectLink change={change} gone={gone.has(objectKey(change))} /></span> },
            { label: "Who", value: <ChangeActor actor={change.actor} />, testId: "change-actor" },
            { label: "When", value: <time dateTime={change.time}>{formatDate(change.time)}</time> },
            { label: "Source", value: change.source, testId: "change-source" },
            {
              label: "Request",
              value: (
                <Link href={requestHref} className="text-indigo-700 hover:underline" title={change.request_id}>
                  <span className="font-mono">{shortRequestId(change.request_id)}</span>
                  {request.total > 1 && ` (${request.total.toLocaleString("en-US")}${request.total_exact ? "" : "+"} changes)`}
                </Link>
              ),
            },
            { label: "Message", value: change.message, testId: "change-message" },
          ]}
        />
        <p className="mt-4 border-t border-slate-100 pt-3 text-sm">
          <Link href={history} className="text-indigo-700 hover:underline">All history of this {objectTypeLabel(change.object_type)}</Link>
        </p>
      </Card>
      <Card title={change.action === "create" ? "Created with" : change.action === "delete" ? "Deleted as" : "Changed fields"} bodyClassName="">
        <ChangeDiff change={change} />
      </Card>
    </div>
  );
}
