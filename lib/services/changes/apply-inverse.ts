import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/client";
import { bulkHostStatusSchema, hostPatchSchema, hostSchema } from "@/lib/schemas/host";
import { networkPatchSchema, networkSchema } from "@/lib/schemas/network";
import type { Inverse, RevertibleRecord } from "@/lib/services/changes/inverse-change";
import type { InverseStep } from "@/lib/services/changes/inverse-steps";
import { bulkDeleteHosts } from "@/lib/services/hosts/bulk-delete-hosts";
import { bulkUpdateHostStatus } from "@/lib/services/hosts/bulk-update-host-status";
import type { Snapshot } from "@/lib/services/changes/object-snapshots";
import { createHost } from "@/lib/services/hosts/create-host";
import { deleteHost } from "@/lib/services/hosts/delete-host";
import { updateHost } from "@/lib/services/hosts/update-host";
import { createNetwork } from "@/lib/services/networks/create-network";
import { deleteNetwork } from "@/lib/services/networks/delete-network";
import { patchNetwork } from "@/lib/services/networks/patch-network";
import { deleteApiToken } from "@/lib/services/tokens/delete-api-token";
import { renameApiToken } from "@/lib/services/tokens/rename-api-token";
import { deleteUser } from "@/lib/services/users/delete-user";
import { updateUser } from "@/lib/services/users/update-user";

// An inverse applied through the services the forms and the API use, in the
// revert's transaction: every rule, lock and 409 of a hand-made change
// applies, and the capture records it like any write. Snapshot values are
// API output, parsed again by the input schemas like any request body.
// Runs of host deletions and of one status set back (inverse-steps.ts) go
// to the bulk services.

const pick = (s: Snapshot, keys: readonly string[]) => Object.fromEntries(keys.filter((k) => k in s).map((k) => [k, s[k]]));

// What a deleted object is created again from: its written fields (network_id, parent_id are derived again).
const HOST_FIELDS = ["ip_address", "hostname", "cname", "mac_address", "description", "status", "last_seen", "discovery_source", "allow_duplicate_name"];
const NETWORK_FIELDS = ["name", "domain", "vlan_id", "description", "location", "gateway", "dhcp_start", "dhcp_end", "status", "utilization_threshold"];

const createdAt = (s: Snapshot) => new Date(String(s.created_at));

export async function applyInverse(actor: Actor, inverse: Inverse, tx: Tx): Promise<void> {
  const { objectId: id } = inverse;
  switch (inverse.kind) {
    case "delete":
      if (inverse.objectType === "host") return deleteHost(actor, id, { tx });
      if (inverse.objectType === "network") return deleteNetwork(actor, id, { tx });
      if (inverse.objectType === "user") return deleteUser(actor, id, { tx });
      return deleteApiToken(actor, id, { tx });
    case "set-fields": {
      const { fields } = inverse;
      if (inverse.objectType === "host") await updateHost(actor, id, { patch: hostPatchSchema.parse(fields) }, { tx });
      else if (inverse.objectType === "network") await patchNetwork(actor, id, networkPatchSchema.parse(fields), { tx });
      else if (inverse.objectType === "user") await updateUser(actor, id, fields, { tx });
      else await renameApiToken(actor, id, fields, { tx });
      return;
    }
    case "recreate": {
      const { snapshot } = inverse;
      const recreate = { id, createdAt: createdAt(snapshot) };
      if (inverse.objectType === "host") await createHost(actor, hostSchema.parse(pick(snapshot, HOST_FIELDS)), { tx, recreate });
      else await createNetwork(actor, networkSchema.parse({ network: snapshot.prefix, ...pick(snapshot, NETWORK_FIELDS) }), { tx, recreate });
      return;
    }
  }
}

export async function applyInverseSteps(
  actor: Actor, steps: readonly InverseStep[], tx: Tx, naming: (records: readonly RevertibleRecord[], fn: () => Promise<unknown>) => Promise<void>,
): Promise<void> {
  for (const step of steps) {
    const ids = step.records.map((r) => r.objectId);
    await naming(step.records, () => {
      switch (step.kind) {
        case "one":
          return applyInverse(actor, step.inverse, tx);
        case "delete-hosts":
          return bulkDeleteHosts(actor, { ids }, { tx });
        case "host-status":
          return bulkUpdateHostStatus(actor, hostStatusInput(ids, step.status), { tx });
      }
    });
  }
}

const hostStatusInput = (ids: number[], status: string) => bulkHostStatusSchema.parse({ ids, status });
