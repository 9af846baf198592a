import { errorResponse } from "@/lib/api/responses";
import { getSessionActor } from "@/lib/auth/session";
import { downloadResponse } from "@/plugins/export/download-response";
import { exporter } from "@/plugins/registry";

export const dynamic = "force-dynamic";

// The original app's download links, for a signed-in browser.
const names = ["dnsmasq", "dnsmasq-dns", "dnsmasq-dhcp"] as const;
type Name = (typeof names)[number];

// GET /export/hosts/{dnsmasq|dnsmasq-dns|dnsmasq-dhcp} – the dnsmasq files (the API's filters apply)
export async function GET(req: Request, ctx: { params: Promise<{ name: string }> }): Promise<Response> {
  const { name } = await ctx.params;
  if (!names.includes(name as Name)) return new Response("Not found", { status: 404 });
  const actor = await getSessionActor(req.headers).catch(() => null);
  if (!actor) return new Response(null, { status: 307, headers: { Location: `/login?callbackUrl=${encodeURIComponent(`/export/hosts/${name}`)}` } });
  try {
    return downloadResponse(await exporter(name as Name).run({ actor, params: new URL(req.url).searchParams }));
  } catch (error) {
    return errorResponse(error);
  }
}
