import { z } from "zod";
import { dnsNameProblem, normalizeDnsName } from "@/lib/schemas/dns";
import { reverseZoneName } from "@/plugins/bind/reverse-zones";

// ?domain= / ?reverse= of the bind exporter (the host list filters come on
// top, plugins/export/filters.ts). No server imports: the OpenAPI document
// is built from this too.

export const bindZoneQuery = z.object({
  domain: z.string().optional().transform((v, ctx) => {
    if (v === undefined) return undefined;
    const name = normalizeDnsName(v);
    const problem = dnsNameProblem(name);
    if (problem) ctx.addIssue({ code: "custom", message: `not a zone name: ${problem}` });
    return name;
  }).meta({ description: "bind: this forward zone only, as one zone file (e.g. lab.example)" }),
  reverse: z.string().optional().transform((v, ctx) => {
    if (v === undefined) return undefined;
    const zone = reverseZoneName(v.trim());
    if ("problem" in zone) ctx.addIssue({ code: "custom", message: zone.problem });
    return "name" in zone ? zone.name : "";
  }).meta({ description: "bind: this reverse zone only, by its prefix: an IPv4 /24 (or the RFC 2317 block of a smaller network, e.g. 192.0.2.0/26), an IPv6 prefix on a nibble boundary" }),
}).refine((q) => q.domain === undefined || q.reverse === undefined, { message: "give domain (a forward zone) or reverse (a reverse zone's prefix), not both", path: ["reverse"] });
