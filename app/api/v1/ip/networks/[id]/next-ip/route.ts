import { withApi } from "@/lib/api/with-api";
import { idParams } from "@/lib/api/params";
import { getNextIp } from "@/lib/services/ip/get-next-ip";

export const dynamic = "force-dynamic";

// GET /api/v1/ip/networks/{id}/next-ip – the lowest free address (409 network_full)
export const GET = withApi({ auth: "viewer", params: idParams }, ({ actor, params }) => getNextIp(actor, params.id));
