import type { HostOut, Page } from "@/lib/schemas/responses";

/** What a hosts table shows of a host: every column, the hidden ones included. */
export type HostRow = Pick<HostOut, "id" | "ip_address" | "hostname" | "cname" | "mac_address" | "description" | "status" | "network_id" | "last_seen" | "updated_at">;

/**
 * A page of hosts cut down to its table's rows. The rows reach the browser
 * twice, as HTML and as the table's props (the RSC payload), so the fields no
 * column shows (family, discovery source, created_at…) are left out: about
 * 30 KB on a 250-row page.
 */
export function hostRows(page: Page<HostOut>): Page<HostRow> {
  return {
    ...page,
    items: page.items.map(({ id, ip_address, hostname, cname, mac_address, description, status, network_id, last_seen, updated_at }) => (
      { id, ip_address, hostname, cname, mac_address, description, status, network_id, last_seen, updated_at }
    )),
  };
}
