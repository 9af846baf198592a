import { z } from "zod";
import { optionalText } from "@/lib/schemas/fields";
import { hostListQuery, intParam, networkListQuery } from "@/lib/schemas/list";

// Exports take the list endpoints' filters and sort (same schemas), minus
// paging: a table's Export menu downloads exactly the rows it shows, in its order.
// Hosts can also be chosen by their network's VLAN or location, so
// "export VLAN 10" works for hosts and networks alike. No server imports:
// the OpenAPI document is built from these too.

export const exportTypes = ["hosts", "networks"] as const;
export type ExportType = (typeof exportTypes)[number];
export const typeParam = z.enum(exportTypes, { error: "type must be hosts or networks" }).default("hosts");

const networkOfHost = {
  vlan_id: intParam("vlan_id", 1, 4094).optional(),
  location: optionalText("location", 253),
};
export const hostExportQuery = hostListQuery.omit({ page: true, per_page: true, cursor: true }).extend(networkOfHost);
export const networkExportQuery = networkListQuery.omit({ page: true, per_page: true, cursor: true });
export type HostExportQuery = z.output<typeof hostExportQuery>;

