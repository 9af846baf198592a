import "server-only";
import { HostImport } from "@/plugins/import/import-hosts";
import { NetworkImport } from "@/plugins/import/import-networks";
import type { TableImport } from "@/plugins/import/table-import";
import type { ImportType } from "@/plugins/import/types";

export function newTableImport(type: ImportType): TableImport {
  return type === "hosts" ? new HostImport() : new NetworkImport();
}
