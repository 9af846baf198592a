import { withApi } from "@/lib/api/with-api";
import { addressParams } from "@/lib/api/params";
import { lookupAddress } from "@/lib/services/ip/lookup-address";

export const dynamic = "force-dynamic";

// GET /api/v1/ip/{address} – network, host and state of one address
export const GET = withApi({ auth: "viewer", params: addressParams }, ({ actor, params }) =>
  lookupAddress(actor, params.address));
