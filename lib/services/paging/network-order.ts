import type { NetworkListQuery, NetworkSortField } from "@/lib/schemas/list";
import type { OrderColumn } from "@/lib/services/paging/keyset";

// The order of GET /networks as columns: the chosen one, then address order
// (start_key, then the larger network first by cidr), then id (unique).

const COLUMN: Record<NetworkSortField, Omit<OrderColumn, "desc">> = {
  network: { field: "startKey" },
  prefix: { field: "startKey" },
  cidr: { field: "cidr", type: "int" },
  name: { field: "name", nullable: true },
  domain: { field: "domain", nullable: true },
  vlan_id: { field: "vlanId", nullable: true, type: "int" },
  location: { field: "location", nullable: true },
  family: { field: "family", type: "int" },
  id: { field: "id", type: "int" },
  created_at: { field: "createdAt", type: "date" },
  updated_at: { field: "updatedAt", type: "date" },
};

export function networkOrder(sort: NetworkListQuery["sort"]): OrderColumn[] {
  const first: OrderColumn = { ...COLUMN[sort.field], desc: sort.desc };
  const id: OrderColumn = { field: "id", desc: false, type: "int" };
  if (first.field === "startKey") return [first, { field: "cidr", desc: sort.desc, type: "int" }, id];
  if (first.field === "id") return [first];
  return [first, { field: "startKey", desc: false }, { field: "cidr", desc: false, type: "int" }, id];
}
