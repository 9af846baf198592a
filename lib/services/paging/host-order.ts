import type { HostListQuery, HostSortField } from "@/lib/schemas/list";
import type { OrderColumn } from "@/lib/services/paging/keyset";

// The order of GET /hosts as columns: the chosen one, then the address
// (ip_key, unique: the tie-breaker every cursor ends with).

const COLUMN: Record<HostSortField, Omit<OrderColumn, "desc">> = {
  ip_address: { field: "ipKey" },
  hostname: { field: "hostname", nullable: true },
  mac_address: { field: "macAddress", nullable: true },
  status: { field: "status" },
  network_id: { field: "networkId", nullable: true, type: "int" },
  family: { field: "family", type: "int" },
  id: { field: "id", type: "int" },
  created_at: { field: "createdAt", type: "date" },
  updated_at: { field: "updatedAt", type: "date" },
  last_seen: { field: "lastSeen", nullable: true, type: "date" },
};

export function hostOrder(sort: HostListQuery["sort"]): OrderColumn[] {
  const first: OrderColumn = { ...COLUMN[sort.field], desc: sort.desc };
  return first.field === "ipKey" ? [first] : [first, { field: "ipKey", desc: false }];
}
