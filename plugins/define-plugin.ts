import type { Actor } from "@/lib/auth/roles";
import type { ImportOptions, ImportReport, Upload } from "@/plugins/import/types";

// The shape every importer and exporter declares once. The registry
// (plugins/registry.ts) lists them in one typed table, so adding a format is
// one file plus one entry, and a missing entry is a compile error.

export const exporterNames = ["csv", "json", "dnsmasq", "dnsmasq-dns", "dnsmasq-dhcp", "xlsx", "kea-dhcp4", "kea-dhcp6", "hosts-file", "ethers", "bind"] as const;
export const importerNames = ["csv", "json", "flask-ipam", "xlsx"] as const;
export type ExporterName = (typeof exporterNames)[number];
export type ImporterName = (typeof importerNames)[number];

export interface Format {
  /** Media type of the file ("text/csv"). */
  mediaType: string;
  /** File name extension without the dot ("csv"); `name=auto` imports pick the importer by it. */
  extension: string;
}

/** A download: the body is produced lazily, batch by batch, never as one string. Text chunks are sent as UTF-8; binary formats (XLSX, .tar.gz) yield bytes. */
export interface Download {
  filename: string;
  contentType: string;
  body: AsyncIterable<string | Uint8Array>;
}

export interface ExporterPlugin<N extends ExporterName = ExporterName> {
  kind: "export";
  name: N;
  description: string;
  formats: readonly Format[];
  /** Validates `params` (a bad filter is a 400) before the first byte is produced. */
  run(args: { actor: Actor; params: URLSearchParams }): Promise<Download>;
}

export interface ImporterPlugin<N extends ImporterName = ImporterName> {
  kind: "import";
  name: N;
  description: string;
  formats: readonly Format[];
  run(args: { actor: Actor; upload: Upload; options: ImportOptions }): Promise<ImportReport>;
}

export type Plugin = ExporterPlugin | ImporterPlugin;

/** Declares a plugin; the literal name and kind are kept so the registry can check its keys. */
export function definePlugin<const N extends ExporterName>(plugin: ExporterPlugin<N>): ExporterPlugin<N>;
export function definePlugin<const N extends ImporterName>(plugin: ImporterPlugin<N>): ImporterPlugin<N>;
export function definePlugin(plugin: Plugin): Plugin {
  return plugin;
}
