import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/client";
import { validationError, type FieldErrors } from "@/lib/errors";
import type { Host } from "@/lib/generated/prisma/client";
import { hostSchema, type HostData } from "@/lib/schemas/host";
import type { HostOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { addItemError, addZodItemErrors, assertBulkSize } from "@/lib/services/bulk-errors";
import { resolveHost } from "@/lib/services/hosts/host-rules";
import { serializeHost } from "@/lib/services/serializers/serialize-host";
import { inWriteTransaction } from "@/lib/services/write-options";

/** Bulk create: all or nothing; any failing item → 422 with messages per "<index>.<field>". */
export async function createHosts(actor: Actor, inputs: unknown[], options: { tx?: Tx } = {}): Promise<HostOut[]> {
  authorize(actor, "editor");
  assertBulkSize(inputs);
  const errors: FieldErrors = {};
  const parsed: HostData[] = [];
  inputs.forEach((input, i) => {
    const result = hostSchema.safeParse(input);
    if (result.success) parsed.push(result.data);
    else addZodItemErrors(errors, i, result.error);
  });
  if (Object.keys(errors).length) throw validationError(errors);
  return inWriteTransaction(options.tx, async (tx) => {
    const rows: Host[] = [];
    for (const [i, data] of parsed.entries()) {
      try {
        // Each insert is visible to the next item's checks, so duplicates inside the batch are caught too.
        rows.push(await tx.host.create({ data: await resolveHost(tx, data, null) }));
      } catch (error) {
        addItemError(errors, i, error);
      }
    }
    if (Object.keys(errors).length) throw validationError(errors);
    return rows.map(serializeHost);
  });
}
