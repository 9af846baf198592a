import { withApi } from "@/lib/api/with-api";
import { backupDownload } from "@/lib/services/backup/write-backup";
import { downloadResponse } from "@/plugins/export/download-response";

export const dynamic = "force-dynamic";

// GET /api/v1/backup – a backup of the whole database (admin), streamed as JSON Lines from one snapshot
export const GET = withApi({ auth: "admin" }, async ({ actor }) => downloadResponse(backupDownload(actor)));
