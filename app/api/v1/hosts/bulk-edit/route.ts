import { withApi } from "@/lib/api/with-api";
import { bulkEditQuery, bulkHostEditSchema } from "@/lib/schemas/host-bulk";
import { bulkEditHosts } from "@/lib/services/hosts/bulk-edit-hosts";

export const dynamic = "force-dynamic";

// POST /api/v1/hosts/bulk-edit – set fields on many hosts (ids or a filter with its expected count), all or nothing; dry_run=true previews
export const POST = withApi({ auth: "editor", query: bulkEditQuery, body: bulkHostEditSchema }, ({ actor, query, body }) =>
  bulkEditHosts(actor, body, { dryRun: query.dry_run }));
