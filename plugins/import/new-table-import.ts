import "server-only";
import { HostImport } from "@/plugins/import/import-hosts";
import { NetworkImport } from "@/plugins/import/import-networks";
import { RepairingHostImport, RepairingNetworkImport } from "@/plugins/import/repairing-import";
import type { TableImport } from "@/plugins/import/table-import";
import type { ImportType } from "@/plugins/import/types";

/** One table's import; with `repair`, rows are repaired before the batch rules see them. */
export function newTableImport(type: ImportType, repair = false): TableImport {
  if (type === "hosts") return repair ? new RepairingHostImport(new HostImport()) : new HostImport();
  return repair ? new RepairingNetworkImport(new NetworkImport()) : new NetworkImport();
}
