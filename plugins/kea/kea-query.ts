import { z } from "zod";

// The Kea exporters' own query parameters (the host list filters come on
// top, plugins/export/export-query.ts). No server imports: the OpenAPI
// document is built from this too.

export const keaFormats = ["config", "fragment"] as const;
export type KeaFormat = (typeof keaFormats)[number];

// Linux interface names (IFNAMSIZ: 15 characters), optionally with Kea's "/address" suffix, or "*" for all.
const INTERFACE = /^(?:\*|[A-Za-z0-9][A-Za-z0-9_.:-]{0,14}(?:\/[0-9A-Fa-f.:]{2,39})?)$/;

export const keaExportQuery = z.object({
  format: z.enum(keaFormats, { error: "format must be config or fragment" }).default("config")
    .meta({ description: "kea-dhcp4/kea-dhcp6: `config`, a whole kea-dhcp4.conf / kea-dhcp6.conf; `fragment`, the subnet list to include as `\"subnet4\": <?include \"file\" ?>`" }),
  interfaces: z.string().optional()
    .transform((text, ctx) => {
      const names = (text ?? "").split(",").map((s) => s.trim()).filter(Boolean);
      const bad = names.find((n) => !INTERFACE.test(n));
      if (bad !== undefined) ctx.addIssue({ code: "custom", message: "interfaces must be comma-separated interface names (eth0, eth1/10.0.0.1) or *" });
      if (names.length > 64) ctx.addIssue({ code: "custom", message: "interfaces: at most 64" });
      return names;
    })
    .meta({ description: "kea-dhcp4/kea-dhcp6, format=config: interfaces-config.interfaces, comma-separated (default none: Kea loads the file and serves no interface until you name one)" }),
}).refine((q) => q.format === "config" || q.interfaces.length === 0, { path: ["interfaces"], message: "interfaces applies to format=config only" });
export type KeaExportQuery = z.output<typeof keaExportQuery>;
