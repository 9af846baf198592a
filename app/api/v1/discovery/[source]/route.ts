import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { discoveryUploadQuery, discoveryUploadSources } from "@/lib/schemas/discovery";
import { discoverUpload } from "@/plugins/discovery/discover-upload";
import { readDiscoveryUpload } from "@/plugins/discovery/read-discovery-upload";

export const dynamic = "force-dynamic";

const params = z.object({ source: z.enum(discoveryUploadSources) });
/** The discovery page uploads multipart; scripts send the file itself. */
const accepts = ["multipart/form-data", "text/plain", "text/csv", "application/xml", "text/xml", "application/octet-stream", "application/json"];

// POST /api/v1/discovery/{source} – the change set of an nmap XML, dnsmasq leases or Kea lease CSV file (writes nothing)
export const POST = withApi({ auth: "editor", params, query: discoveryUploadQuery, accepts }, async ({ actor, params, query, req }) =>
  discoverUpload(actor, params.source, await readDiscoveryUpload(req), query));
